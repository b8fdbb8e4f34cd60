package vn.ocop.product.spreadsheet;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerBulk;
import vn.ocop.producer.ProducerQuery;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.Classification;
import vn.ocop.product.ProductFilter;
import vn.ocop.product.ProductQuery;
import vn.ocop.shared.OcopException;

/**
 * Exports the product and producer lists, with the list's filters and within what the actor may see, as xlsx or CSV
 * in the layout of the import template (so an export can be corrected and imported again). Rows are streamed from
 * PostgreSQL with a fetch size and written as they come: the list is never in memory.
 */
@Service
public class RegistryExport {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final JdbcTemplate jdbc;
    private final AccessPolicy policy;
    private final Classification classification;
    private final ProducerBulk producers;
    private final AdminUnits units;

    RegistryExport(
            JdbcTemplate jdbc,
            AccessPolicy policy,
            Classification classification,
            ProducerBulk producers,
            AdminUnits units) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.classification = classification;
        this.producers = producers;
        this.units = units;
    }

    /** The full name of a current unit (geography answers from memory, not from its table). */
    private @Nullable String unitName(@Nullable String code) {
        return code == null
                ? null
                : units.find(AdminEdition.CURRENT, code)
                        .map(AdminUnit::fullName)
                        .orElse(null);
    }

    /** Throws {@code COMMON-004} unless the actor may list some records (call before committing a response). */
    public void checkAllowed(CurrentUser actor) {
        if (policy.scopeFor(actor, Action.VIEW_RECORDS).kind() == DataScope.Kind.NONE) {
            throw OcopException.forbidden();
        }
    }

    /**
     * Writes the products matching the query (same filters and scope as {@code ProductRegistry.search}) in
     * Vietnamese alphabetical order, one row per product with its producer's columns. {@code COMMON-004} when the
     * actor may see no record.
     */
    @Transactional(readOnly = true)
    public void products(ProductQuery query, SpreadsheetFormat format, OutputStream out, CurrentUser actor) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        if (scope.kind() == DataScope.Kind.NONE) {
            throw OcopException.forbidden();
        }
        ProductFilter filter = ProductFilter.of(
                query, scope, classification, org.springframework.jdbc.core.simple.JdbcClient.create(jdbc));
        String sql = """
                SELECT pr.tax_code, pr.name AS producer_name, pr.legal_type, pr.representative, pr.phone, pr.email,
                       pr.address, pr.sme, pr.craft_village, pr.craft_village_name, pr.women_led,
                       pr.ethnic_minority_area, pr.members, pr.employees, p.province_code, p.commune_code, p.name,
                       p.criteria_set_no, c.set_name, p.legacy_class, p.description, p.packaging, p.price_min,
                       p.price_max, p.ocop_code, p.star, p.certificate_number, p.certificate_issued_on,
                       p.certificate_level, p.certificate_expires_on,
                       (SELECT string_agg(l.url, ' ' ORDER BY l.id) FROM product_link l WHERE l.product_id = p.id)
                           AS links
                  FROM product p
                  JOIN producer pr ON pr.id = p.producer_id
                  JOIN product_classification c ON c.version = p.classification_version AND c.set_no = p.criteria_set_no""" + filter.where() + " ORDER BY p.name COLLATE vietnamese, p.id";
        try (SheetWriter writer = RegistryWorkbook.open(format, out, false)) {
            stream(sql, filter.params(), rs -> writer.row(productRow(rs)));
        }
    }

    /**
     * Writes the producers matching the query (same filters and scope as {@code ProducerRegistry.search}), one row per
     * producer with the product columns empty: imported again, such rows update producers only.
     */
    @Transactional(readOnly = true)
    public void producers(ProducerQuery query, SpreadsheetFormat format, OutputStream out, CurrentUser actor) {
        try (SheetWriter writer = RegistryWorkbook.open(format, out, false)) {
            producers.forEach(query, actor, producer -> {
                List<@Nullable Object> row = empty();
                row.set(RegistryColumn.TAX_CODE.ordinal(), producer.taxCode());
                row.set(RegistryColumn.PRODUCER_NAME.ordinal(), producer.name());
                row.set(RegistryColumn.LEGAL_TYPE.ordinal(), RowValidator.LEGAL_TYPE_LABELS.get(producer.legalType()));
                row.set(RegistryColumn.REPRESENTATIVE.ordinal(), producer.representative());
                row.set(RegistryColumn.PHONE.ordinal(), producer.phone());
                row.set(RegistryColumn.EMAIL.ordinal(), producer.email());
                row.set(RegistryColumn.ADDRESS.ordinal(), producer.address());
                row.set(RegistryColumn.PROVINCE.ordinal(), unitName(producer.provinceCode()));
                row.set(RegistryColumn.COMMUNE.ordinal(), unitName(producer.communeCode()));
                attributes(
                        row,
                        producer.sme(),
                        producer.craftVillage(),
                        producer.craftVillageName(),
                        producer.womenLed(),
                        producer.ethnicMinorityArea(),
                        producer.members(),
                        producer.employees());
                writer.row(row);
            });
        }
    }

    private List<@Nullable Object> productRow(ResultSet rs) throws SQLException {
        List<@Nullable Object> row = empty();
        row.set(RegistryColumn.TAX_CODE.ordinal(), rs.getString("tax_code"));
        row.set(RegistryColumn.PRODUCER_NAME.ordinal(), rs.getString("producer_name"));
        row.set(
                RegistryColumn.LEGAL_TYPE.ordinal(),
                RowValidator.LEGAL_TYPE_LABELS.get(LegalType.valueOf(rs.getString("legal_type"))));
        row.set(RegistryColumn.REPRESENTATIVE.ordinal(), rs.getString("representative"));
        row.set(RegistryColumn.PHONE.ordinal(), rs.getString("phone"));
        row.set(RegistryColumn.EMAIL.ordinal(), rs.getString("email"));
        row.set(RegistryColumn.ADDRESS.ordinal(), rs.getString("address"));
        row.set(RegistryColumn.PROVINCE.ordinal(), unitName(rs.getString("province_code")));
        row.set(RegistryColumn.COMMUNE.ordinal(), unitName(rs.getString("commune_code")));
        attributes(
                row,
                rs.getBoolean("sme"),
                rs.getBoolean("craft_village"),
                rs.getString("craft_village_name"),
                rs.getBoolean("women_led"),
                rs.getBoolean("ethnic_minority_area"),
                rs.getObject("members", Integer.class),
                rs.getObject("employees", Integer.class));
        row.set(RegistryColumn.PRODUCT_NAME.ordinal(), rs.getString("name"));
        row.set(
                RegistryColumn.CRITERIA_SET.ordinal(),
                RegistryWorkbook.criteriaSetLabel(rs.getInt("criteria_set_no"), rs.getString("set_name")));
        row.set(RegistryColumn.LEGACY_CLASS.ordinal(), rs.getString("legacy_class"));
        row.set(RegistryColumn.DESCRIPTION.ordinal(), rs.getString("description"));
        row.set(RegistryColumn.PACKAGING.ordinal(), rs.getString("packaging"));
        row.set(RegistryColumn.PRICE_MIN.ordinal(), rs.getBigDecimal("price_min"));
        row.set(RegistryColumn.PRICE_MAX.ordinal(), rs.getBigDecimal("price_max"));
        row.set(RegistryColumn.OCOP_CODE.ordinal(), rs.getString("ocop_code"));
        row.set(RegistryColumn.STAR.ordinal(), rs.getObject("star", Integer.class));
        row.set(RegistryColumn.CERTIFICATE_NUMBER.ordinal(), rs.getString("certificate_number"));
        row.set(RegistryColumn.ISSUED_ON.ordinal(), date(rs.getObject("certificate_issued_on", LocalDate.class)));
        String level = rs.getString("certificate_level");
        row.set(
                RegistryColumn.LEVEL.ordinal(),
                level == null ? null : RowValidator.LEVEL_LABELS.get(CertificationLevel.valueOf(level)));
        row.set(RegistryColumn.EXPIRES_ON.ordinal(), date(rs.getObject("certificate_expires_on", LocalDate.class)));
        row.set(RegistryColumn.LINKS.ordinal(), rs.getString("links"));
        return row;
    }

    /** The producer's programme attributes as the import reads them back: Có/Không, the village's name or Có. */
    private static void attributes(
            List<@Nullable Object> row,
            boolean sme,
            boolean craftVillage,
            @Nullable String craftVillageName,
            boolean womenLed,
            boolean ethnicMinorityArea,
            @Nullable Integer members,
            @Nullable Integer employees) {
        row.set(RegistryColumn.SME.ordinal(), yesNo(sme));
        row.set(
                RegistryColumn.CRAFT_VILLAGE.ordinal(),
                craftVillageName != null ? craftVillageName : craftVillage ? YES : null);
        row.set(RegistryColumn.WOMEN_LED.ordinal(), yesNo(womenLed));
        row.set(RegistryColumn.ETHNIC_MINORITY_AREA.ordinal(), yesNo(ethnicMinorityArea));
        row.set(RegistryColumn.MEMBERS.ordinal(), members);
        row.set(RegistryColumn.EMPLOYEES.ordinal(), employees);
    }

    private static final String YES = "Có";

    private static String yesNo(boolean value) {
        return value ? YES : "Không";
    }

    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private void stream(String sql, List<Object> params, RowHandler handler) {
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement(sql);
                    statement.setFetchSize(500);
                    for (int i = 0; i < params.size(); i++) {
                        Object value = params.get(i);
                        if (value instanceof Integer[] array) {
                            statement.setArray(i + 1, connection.createArrayOf("int4", array));
                        } else {
                            statement.setObject(i + 1, value);
                        }
                    }
                    return statement;
                },
                (ResultSet rs) -> {
                    handler.handle(rs);
                });
    }

    private static List<@Nullable Object> empty() {
        return new ArrayList<>(Arrays.asList(new Object[RegistryColumn.values().length]));
    }

    private static @Nullable String date(@Nullable LocalDate date) {
        return date == null ? null : date.format(DMY);
    }
}
