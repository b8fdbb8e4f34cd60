package vn.ocop.producer;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.DataScope;
import vn.ocop.producer.ImportedProducer.Outcome;
import vn.ocop.producer.ProducerEvents.ProducerRegistered;
import vn.ocop.producer.ProducerEvents.ProducerUpdated;
import vn.ocop.producer.ProducerEvents.ProducersImported;
import vn.ocop.shared.AuditableEvent;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.SearchText;

/**
 * Producers in bulk, for spreadsheet import and export: tens of thousands of rows in one transaction, written with
 * JDBC batches instead of one entity save per row, under the same rules as {@link ProducerRegistry} (tax code unique
 * and normalized, commune of the current edition, edit rights on the old and the new commune).
 */
@Service
@Transactional
public class ProducerBulk {

    private static final int CHUNK = 5_000;

    static final RowMapper<ProducerView> VIEW = (rs, n) -> new ProducerView(
            rs.getLong("id"),
            LegalType.valueOf(rs.getString("legal_type")),
            rs.getString("name"),
            rs.getString("tax_code"),
            rs.getString("representative"),
            rs.getString("representative_title"),
            rs.getString("phone"),
            rs.getString("email"),
            rs.getBoolean("publish_phone"),
            rs.getBoolean("publish_email"),
            rs.getString("website"),
            rs.getString("address"),
            rs.getString("commune_code"),
            rs.getString("province_code"),
            rs.getBoolean("sme"),
            rs.getBoolean("craft_village"),
            rs.getBoolean("women_led"),
            rs.getBoolean("ethnic_minority_area"),
            rs.getObject("founded_year", Integer.class),
            rs.getObject("members", Integer.class),
            rs.getObject("employees", Integer.class),
            ProducerStatus.valueOf(rs.getString("status")),
            rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("updated_at").toInstant(),
            rs.getLong("version"),
            rs.getString("craft_village_name"));

    private final AdminUnits units;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    ProducerBulk(
            AdminUnits units,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            JdbcTemplate template,
            Clock clock) {
        this.units = units;
        this.policy = policy;
        this.events = events;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /** Existing producers by (normalized) tax code, for validating an import; codes not registered are absent. */
    @Transactional(readOnly = true)
    public Map<String, ProducerView> findByTaxCodes(Collection<String> taxCodes) {
        Map<String, ProducerView> found = new HashMap<>();
        List<String> codes = List.copyOf(taxCodes);
        for (int from = 0; from < codes.size(); from += CHUNK) {
            String[] chunk =
                    codes.subList(from, Math.min(codes.size(), from + CHUNK)).toArray(String[]::new);
            jdbc.sql("SELECT * FROM producer WHERE tax_code = ANY (?)")
                    .param(chunk)
                    .query(VIEW)
                    .list()
                    .forEach(view -> found.put(view.taxCode(), view));
        }
        return found;
    }

    /**
     * Registers the producers whose tax code is new and updates the others where an imported field differs; an
     * unchanged producer is not written and not audited. Each record must lie in a commune the actor may edit (and,
     * when it moves, so must its old commune): otherwise {@code COMMON-004}, and nothing is written since the caller's
     * transaction rolls back. A tax code registered concurrently by someone else is {@code PRD-003}. Publishes one
     * {@link ProducersImported} with an audit event per created or changed producer.
     *
     * @param producers one entry per tax code
     * @return one result per entry, in the same order
     */
    public List<ImportedProducer> importAll(List<ImportProducer> producers, CurrentUser actor) {
        Map<String, AdminUnit> communes = new HashMap<>();
        units.all(AdminEdition.CURRENT).forEach(unit -> communes.put(unit.code(), unit));
        Map<String, ProducerView> existing =
                findByTaxCodes(producers.stream().map(ImportProducer::taxCode).toList());
        Instant now = Instant.now(clock);
        List<ImportProducer> toInsert = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<AuditableEvent> audit = new ArrayList<>();
        List<ImportedProducer> results = new ArrayList<>();
        for (ImportProducer p : producers) {
            AdminUnit commune = communes.get(p.communeCode());
            if (commune == null) {
                throw new OcopException(GeographyError.UNIT_NOT_FOUND, p.communeCode(), AdminEdition.CURRENT);
            }
            if (commune.isProvince()) {
                throw new OcopException(ProducerError.COMMUNE_REQUIRED, p.communeCode());
            }
            policy.check(actor, Action.EDIT_RECORDS, commune.code());
            ProducerView old = existing.get(p.taxCode());
            if (old == null) {
                toInsert.add(p);
                results.add(null); // filled once ids are known
                continue;
            }
            if (!old.communeCode().equals(commune.code())) {
                policy.check(actor, Action.EDIT_RECORDS, old.communeCode());
            }
            String changes = changes(old, p);
            if (changes.isEmpty()) {
                results.add(new ImportedProducer(
                        old.id(),
                        old.taxCode(),
                        old.name(),
                        old.communeCode(),
                        old.provinceCode(),
                        Outcome.UNCHANGED,
                        false));
                continue;
            }
            ImportProducer.Attributes a = p.attributesOver(old);
            updates.add(new Object[] {
                p.legalType().name(),
                p.name(),
                p.representative(),
                p.phone(),
                p.email(),
                p.address(),
                commune.code(),
                commune.provinceCode(),
                a.sme(),
                a.craftVillage(),
                a.craftVillageName(),
                a.womenLed(),
                a.ethnicMinorityArea(),
                a.members(),
                a.employees(),
                Timestamp.from(now),
                old.id()
            });
            audit.add(new ProducerUpdated(
                    old.id(), commune.code(), changes, facts(p, a, commune.provinceCode(), old.status())));
            results.add(new ImportedProducer(
                    old.id(),
                    old.taxCode(),
                    p.name(),
                    commune.code(),
                    commune.provinceCode(),
                    Outcome.UPDATED,
                    !old.communeCode().equals(commune.code()) || !old.name().equals(p.name())));
        }
        if (!updates.isEmpty()) {
            template.batchUpdate("""
                    UPDATE producer SET legal_type = ?, name = ?, representative = ?, phone = ?, email = ?, address = ?,
                           commune_code = ?, province_code = ?, sme = ?, craft_village = ?, craft_village_name = ?,
                           women_led = ?, ethnic_minority_area = ?, members = ?, employees = ?, updated_at = ?,
                           version = version + 1
                     WHERE id = ?""", updates);
        }
        List<Long> ids = newIds(toInsert.size());
        insert(toInsert, ids, communes, now);
        int next = 0;
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                ImportProducer p = toInsert.get(next);
                long id = ids.get(next++);
                String province = communes.get(p.communeCode()).provinceCode();
                results.set(
                        i,
                        new ImportedProducer(
                                id, p.taxCode(), p.name(), p.communeCode(), province, Outcome.CREATED, false));
                audit.add(new ProducerRegistered(
                        id,
                        p.taxCode(),
                        p.communeCode(),
                        "name=" + p.name() + ", commune=" + p.communeCode() + ", import",
                        facts(p, p.attributesOver(null), province, ProducerStatus.ACTIVE)));
            }
        }
        if (!audit.isEmpty()) {
            events.publishEvent(new ProducersImported(List.copyOf(audit)));
        }
        return results;
    }

    /**
     * Streams the producers matching the query within what the actor may see, in Vietnamese alphabetical order,
     * without holding the list in memory (for exports). Same filters and scope as {@link ProducerRegistry#search}.
     */
    @Transactional(readOnly = true)
    public void forEach(ProducerQuery query, CurrentUser actor, Consumer<ProducerView> sink) {
        DataScope scope = policy.scopeFor(actor, Action.VIEW_RECORDS);
        if (scope.kind() == DataScope.Kind.NONE) {
            throw OcopException.forbidden();
        }
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        filter(where, params, "province_code = ?", scope.provinceCode());
        filter(where, params, "commune_code = ?", scope.communeCode());
        filter(where, params, "id = ?", scope.producerIdOrNull());
        filter(where, params, "province_code = ?", blankToNull(query.provinceCode()));
        filter(where, params, "commune_code = ?", blankToNull(query.communeCode()));
        filter(
                where,
                params,
                "legal_type = ?",
                query.legalType() == null ? null : query.legalType().name());
        filter(
                where,
                params,
                "status = ?",
                query.status() == null ? null : query.status().name());
        for (String word : SearchText.words(query.text())) {
            where.append(" AND (ocop_fold(name) LIKE '%' || ocop_fold(?) || '%' OR tax_code LIKE ? || '%')");
            params.add(word);
            params.add(word);
        }
        template.query(
                connection -> {
                    var statement = connection.prepareStatement(
                            "SELECT * FROM producer" + where + " ORDER BY name COLLATE vietnamese, id");
                    statement.setFetchSize(500);
                    for (int i = 0; i < params.size(); i++) {
                        statement.setObject(i + 1, params.get(i));
                    }
                    return statement;
                },
                rs -> {
                    sink.accept(VIEW.mapRow(rs, 0));
                });
    }

    private List<Long> newIds(int count) {
        if (count == 0) {
            return List.of();
        }
        // The sequence of the id column's default, named as a constant: pg_get_serial_sequence per row cost about
        // ten times as much as nextval itself (docs/benchmarks.md).
        return jdbc.sql("SELECT nextval('producer_id_seq'::regclass) FROM generate_series(1, ?)")
                .param(count)
                .query(Long.class)
                .list();
    }

    private void insert(List<ImportProducer> toInsert, List<Long> ids, Map<String, AdminUnit> communes, Instant now) {
        for (int from = 0; from < toInsert.size(); from += CHUNK) {
            int to = Math.min(toInsert.size(), from + CHUNK);
            List<ImportProducer> chunk = toInsert.subList(from, to);
            try {
                jdbc.sql("""
                                INSERT INTO producer (id, legal_type, name, tax_code, representative, phone, email,
                                                      address, commune_code, province_code, sme, craft_village,
                                                      craft_village_name, women_led, ethnic_minority_area, members,
                                                      employees, created_at, updated_at)
                                SELECT u.*, ?, ?
                                  FROM unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[],
                                              ?::text[], ?::text[], ?::text[], ?::text[], ?::boolean[], ?::boolean[],
                                              ?::text[], ?::boolean[], ?::boolean[], ?::int[], ?::int[]) AS u""")
                        .params(
                                Timestamp.from(now),
                                Timestamp.from(now),
                                ids.subList(from, to).toArray(Long[]::new),
                                column(chunk, p -> p.legalType().name()),
                                column(chunk, ImportProducer::name),
                                column(chunk, ImportProducer::taxCode),
                                column(chunk, ImportProducer::representative),
                                column(chunk, ImportProducer::phone),
                                column(chunk, ImportProducer::email),
                                column(chunk, ImportProducer::address),
                                column(chunk, ImportProducer::communeCode),
                                column(chunk, p -> communes.get(p.communeCode()).provinceCode()),
                                flags(chunk, ImportProducer.Attributes::sme),
                                flags(chunk, ImportProducer.Attributes::craftVillage),
                                column(chunk, p -> p.attributesOver(null).craftVillageName()),
                                flags(chunk, ImportProducer.Attributes::womenLed),
                                flags(chunk, ImportProducer.Attributes::ethnicMinorityArea),
                                numbers(chunk, ImportProducer.Attributes::members),
                                numbers(chunk, ImportProducer.Attributes::employees))
                        .update();
            } catch (DuplicateKeyException e) {
                // Registered by someone else since the file was checked: the unique constraint decides.
                throw new OcopException(ProducerError.TAX_CODE_TAKEN, "?");
            }
        }
    }

    private static String[] column(
            List<ImportProducer> rows, java.util.function.Function<ImportProducer, @Nullable String> field) {
        return rows.stream().map(field).toArray(String[]::new);
    }

    /** One attribute of each row as a new producer stores it, as SQL array parameters of the right type. */
    private static Boolean[] flags(
            List<ImportProducer> rows, java.util.function.Predicate<ImportProducer.Attributes> field) {
        return rows.stream().map(p -> field.test(p.attributesOver(null))).toArray(Boolean[]::new);
    }

    private static Integer[] numbers(
            List<ImportProducer> rows,
            java.util.function.Function<ImportProducer.Attributes, @Nullable Integer> field) {
        return rows.stream().map(p -> field.apply(p.attributesOver(null))).toArray(Integer[]::new);
    }

    private static ProducerEvents.ProducerFacts facts(
            ImportProducer p, ImportProducer.Attributes a, String provinceCode, ProducerStatus status) {
        return new ProducerEvents.ProducerFacts(
                p.name(),
                p.legalType(),
                p.communeCode(),
                provinceCode,
                a.sme(),
                a.craftVillage(),
                a.craftVillageName(),
                a.womenLed(),
                a.ethnicMinorityArea(),
                status);
    }

    /** "field: old -> new" for the fields an import carries; empty when they are all equal. */
    static String changes(ProducerView old, ImportProducer p) {
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("legalType", new Object[] {old.legalType(), p.legalType()});
        fields.put("name", new Object[] {old.name(), p.name()});
        fields.put("representative", new Object[] {old.representative(), p.representative()});
        fields.put("phone", new Object[] {old.phone(), p.phone()});
        fields.put("email", new Object[] {old.email(), p.email()});
        fields.put("address", new Object[] {old.address(), p.address()});
        fields.put("communeCode", new Object[] {old.communeCode(), p.communeCode()});
        ImportProducer.Attributes a = p.attributesOver(old);
        fields.put("sme", new Object[] {old.sme(), a.sme()});
        fields.put("craftVillage", new Object[] {old.craftVillage(), a.craftVillage()});
        fields.put("craftVillageName", new Object[] {old.craftVillageName(), a.craftVillageName()});
        fields.put("womenLed", new Object[] {old.womenLed(), a.womenLed()});
        fields.put("ethnicMinorityArea", new Object[] {old.ethnicMinorityArea(), a.ethnicMinorityArea()});
        fields.put("members", new Object[] {old.members(), a.members()});
        fields.put("employees", new Object[] {old.employees(), a.employees()});
        StringBuilder changes = new StringBuilder();
        fields.forEach((field, values) -> {
            if (!Objects.equals(values[0], values[1])) {
                if (changes.length() > 0) {
                    changes.append("; ");
                }
                changes.append(field)
                        .append(": ")
                        .append(values[0])
                        .append(" -> ")
                        .append(values[1]);
            }
        });
        return changes.toString();
    }

    private static void filter(StringBuilder where, List<Object> params, String condition, @Nullable Object value) {
        if (value != null) {
            where.append(" AND ").append(condition);
            params.add(value);
        }
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
