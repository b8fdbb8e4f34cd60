package vn.ocop.reporting.web;

import java.time.LocalDate;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.reporting.ReportFigures;

/**
 * The filters of the report pages, bound from the query string: edition, a province (or the nation), a commune of it,
 * or any unit's code typed by hand (a legacy district or commune), the day and the period.
 */
public class ReportFilter {

    private @Nullable String edition;
    private @Nullable String unit;
    private @Nullable String commune;
    private @Nullable String code;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate asOf;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate from;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate to;

    /** Whether the filters name a unit at all (else the user's own unit is meant). */
    boolean namesUnit() {
        return present(code) || present(commune) || present(unit);
    }

    /** The unit meant: the typed code, else the commune, else the province; "" is the nation. */
    @Nullable
    String effectiveUnit() {
        if (present(code)) {
            return code.strip();
        }
        if (present(commune) && !legacy()) {
            return commune.strip();
        }
        return present(unit) ? unit.strip() : null;
    }

    boolean legacy() {
        return "legacy".equalsIgnoreCase(edition == null ? "" : edition.strip());
    }

    ReportFigures.Query query(@Nullable String unitCode) {
        return new ReportFigures.Query(unitCode, legacy() ? "legacy" : "current", asOf, from, to);
    }

    /** The query string of these filters (for page links and downloads), without a leading "?". */
    String queryString(@Nullable String unitCode) {
        String q = UriComponentsBuilder.newInstance()
                .queryParamIfPresent("edition", Optional.ofNullable(legacy() ? "legacy" : null))
                .queryParamIfPresent("code", Optional.ofNullable(unitCode))
                .queryParamIfPresent("asOf", Optional.ofNullable(asOf))
                .queryParamIfPresent("from", Optional.ofNullable(from))
                .queryParamIfPresent("to", Optional.ofNullable(to))
                .encode()
                .build()
                .getQuery();
        return q == null ? "" : q;
    }

    private static boolean present(@Nullable String s) {
        return s != null && !s.isBlank();
    }

    public @Nullable String getEdition() {
        return edition;
    }

    public void setEdition(@Nullable String edition) {
        this.edition = edition;
    }

    public @Nullable String getUnit() {
        return unit;
    }

    public void setUnit(@Nullable String unit) {
        this.unit = unit;
    }

    public @Nullable String getCommune() {
        return commune;
    }

    public void setCommune(@Nullable String commune) {
        this.commune = commune;
    }

    public @Nullable String getCode() {
        return code;
    }

    public void setCode(@Nullable String code) {
        this.code = code;
    }

    public @Nullable LocalDate getAsOf() {
        return asOf;
    }

    public void setAsOf(@Nullable LocalDate asOf) {
        this.asOf = asOf;
    }

    public @Nullable LocalDate getFrom() {
        return from;
    }

    public void setFrom(@Nullable LocalDate from) {
        this.from = from;
    }

    public @Nullable LocalDate getTo() {
        return to;
    }

    public void setTo(@Nullable LocalDate to) {
        this.to = to;
    }
}
