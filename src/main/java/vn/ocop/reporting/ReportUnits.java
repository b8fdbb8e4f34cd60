package vn.ocop.reporting;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.shared.OcopException;

/**
 * Resolves the unit of a report and decides who may read it. Reports are for the people running the programme:
 * nationwide roles read every unit and the nation; a province officer reads the province, its communes and the legacy
 * units that went into it; a commune officer reads the commune (and a legacy commune counted only there). Council
 * members and producer accounts read no report: they see their own dossiers and products elsewhere (decision 0026).
 */
@Component
class ReportUnits {

    /** A resolved unit with the SQL condition selecting what lies in it. */
    record Resolved(ReportUnit unit, @Nullable AdminUnit adminUnit, List<String> legacyCommunes) {

        /**
         * The condition on a row located by a current commune code and province code columns, with its one parameter
         * (none for the nation).
         */
        String condition(String communeColumn, String provinceColumn) {
            if (unit.nation()) {
                return "TRUE";
            }
            if (!unit.legacy()) {
                return ("province".equals(unit.level()) ? provinceColumn : communeColumn) + " = ?";
            }
            String column = switch (unit.level()) {
                case "province" -> "legacy_province_code";
                case "district" -> "legacy_district_code";
                default -> "legacy_commune_code";
            };
            return communeColumn + " IN (SELECT code FROM report_commune WHERE " + column + " = ?)";
        }

        List<Object> parameters() {
            return unit.nation() ? List.of() : List.of(java.util.Objects.requireNonNull(unit.code()));
        }
    }

    /** The name of the nation as a unit (data, like the names of provinces: Vietnamese). */
    static final String NATION_NAME = "Toàn quốc";

    private final AdminUnits units;
    private final AccessPolicy policy;
    private final LegacyAttribution attribution;

    ReportUnits(AdminUnits units, AccessPolicy policy, LegacyAttribution attribution) {
        this.units = units;
        this.policy = policy;
        this.attribution = attribution;
    }

    /**
     * The unit with this code in this edition ({@code current} or {@code legacy}, default current); blank code is the
     * nation. {@code RPT-001} for another edition, {@code GEO-001} (404) for an unknown code.
     */
    Resolved resolve(@Nullable String code, @Nullable String edition) {
        String e = edition == null || edition.isBlank()
                ? ReportUnit.CURRENT
                : edition.strip().toLowerCase(Locale.ROOT);
        if (!e.equals(ReportUnit.CURRENT) && !e.equals(ReportUnit.LEGACY)) {
            throw new OcopException(ReportingError.UNKNOWN_EDITION, edition.length() > 20 ? "?" : edition);
        }
        if (code == null || code.isBlank()) {
            return new Resolved(new ReportUnit(null, NATION_NAME, e, "nation"), null, List.of());
        }
        String clean = code.strip();
        String adminEdition = e.equals(ReportUnit.CURRENT) ? AdminEdition.CURRENT : AdminEdition.LEGACY;
        AdminUnit unit = units.find(adminEdition, clean)
                .orElseThrow(() -> new OcopException(
                        GeographyError.UNIT_NOT_FOUND, clean.length() > 10 ? clean.substring(0, 10) : clean, e));
        return new Resolved(
                new ReportUnit(unit.code(), unit.fullName(), e, unit.level()),
                unit,
                e.equals(ReportUnit.LEGACY) ? attribution.communesOf(unit) : List.of());
    }

    /** Whether the user may read reports at all (some unit). */
    boolean readsReports(CurrentUser user) {
        return switch (user.role()) {
            case SYSTEM_ADMIN, CENTRAL_OFFICE -> true;
            case PROVINCE_OFFICER, COMMUNE_OFFICER -> user.jurisdictionCode() != null;
            case COUNCIL_MEMBER, PRODUCER -> false;
        };
    }

    /** Whether the user may read reports of this unit. */
    boolean mayRead(CurrentUser user, Resolved resolved) {
        if (!readsReports(user)) {
            return false;
        }
        if (user.role().nationwide()) {
            return true;
        }
        ReportUnit unit = resolved.unit();
        if (unit.nation()) {
            return false;
        }
        if (!unit.legacy()) {
            return policy.covers(user, unit.code());
        }
        AdminUnit legacy = java.util.Objects.requireNonNull(resolved.adminUnit());
        if (user.role() == Role.PROVINCE_OFFICER) {
            // Provinces were merged whole: a legacy unit lies in the province its legacy province went into.
            String successor = attribution.successorProvince(legacy.provinceCode());
            return successor != null && policy.covers(user, successor);
        }
        return !resolved.legacyCommunes().isEmpty()
                && resolved.legacyCommunes().stream().allMatch(c -> policy.covers(user, c));
    }

    /** {@code COMMON-004} (403) unless {@link #mayRead}. */
    void checkRead(CurrentUser user, Resolved resolved) {
        if (!mayRead(user, resolved)) {
            throw OcopException.forbidden();
        }
    }

    /** The unit a user's reports open on: their jurisdiction, or the nation for nationwide roles. */
    @Nullable
    String homeUnit(CurrentUser user) {
        return user.role().nationwide() ? null : user.jurisdictionCode();
    }

    /** The provinces of the edition, in Vietnamese order. */
    List<AdminUnit> provinces(String edition) {
        return units.list(ReportUnit.LEGACY.equals(edition) ? AdminEdition.LEGACY : AdminEdition.CURRENT, "province");
    }

    /** The current communes a unit covers (the nation: every commune), for "at least N per commune". */
    List<String> communesOf(Resolved resolved) {
        ReportUnit unit = resolved.unit();
        if (unit.legacy()) {
            return resolved.legacyCommunes();
        }
        if (unit.nation()) {
            return units.all(AdminEdition.CURRENT).stream()
                    .filter(u -> !u.isProvince())
                    .map(AdminUnit::code)
                    .toList();
        }
        if ("province".equals(unit.level())) {
            return units.children(AdminEdition.CURRENT, java.util.Objects.requireNonNull(unit.code())).stream()
                    .map(AdminUnit::code)
                    .toList();
        }
        return List.of(java.util.Objects.requireNonNull(unit.code()));
    }

    AdminUnits units() {
        return units;
    }
}
