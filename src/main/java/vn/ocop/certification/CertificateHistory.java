package vn.ocop.certification;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.shared.OcopClock;

/**
 * Every certificate issued on the platform with its life (issue, expiry, revocation, suspensions), streamed for another
 * module filling its read model once (reporting); afterwards {@link CertificationEvents} keep such a model current.
 * No authorization: the caller is not a user.
 */
@Service
@Transactional(readOnly = true)
public class CertificateHistory {

    /** A suspension: from its first day to the day it was lifted ({@code null} while suspended). */
    public record Suspension(LocalDate from, @Nullable LocalDate until) {}

    /**
     * One certificate.
     *
     * @param kind {@code NEW}, {@code UPGRADE} or {@code REEVALUATION}
     * @param revokedOn the day it was revoked, or {@code null}
     */
    public record CertificateRecord(
            String number,
            long productId,
            int star,
            String level,
            String kind,
            LocalDate issuedOn,
            LocalDate expiresOn,
            CertificateStatus status,
            @Nullable LocalDate revokedOn,
            List<Suspension> suspensions) {}

    private final JdbcTemplate jdbc;

    CertificateHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every certificate in id order, without holding them all in memory. */
    public void forEach(Consumer<CertificateRecord> sink) {
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            SELECT c.number, c.product_id, c.star, c.level, c.kind, c.issued_on, c.expires_on, c.status,
                                   c.revoked_on,
                                   (SELECT string_agg(e.type || ':' || (e.at AT TIME ZONE ?)::date, ','
                                                      ORDER BY e.at, e.id)
                                      FROM certificate_event e
                                     WHERE e.certificate_id = c.id AND e.type IN ('SUSPENDED', 'REINSTATED')) AS steps
                              FROM certificate c ORDER BY c.id""");
                    statement.setString(1, OcopClock.VIETNAM.getId());
                    statement.setFetchSize(1_000);
                    return statement;
                },
                (ResultSet rs) -> {
                    sink.accept(new CertificateRecord(
                            rs.getString("number"),
                            rs.getLong("product_id"),
                            rs.getInt("star"),
                            rs.getString("level"),
                            rs.getString("kind"),
                            rs.getObject("issued_on", LocalDate.class),
                            rs.getObject("expires_on", LocalDate.class),
                            CertificateStatus.valueOf(rs.getString("status")),
                            rs.getObject("revoked_on", LocalDate.class),
                            suspensions(rs.getString("steps"))));
                });
    }

    /** "SUSPENDED:2026-03-01,REINSTATED:2026-04-02,…" as periods. */
    static List<Suspension> suspensions(@Nullable String steps) {
        List<Suspension> periods = new ArrayList<>();
        if (steps == null || steps.isEmpty()) {
            return periods;
        }
        LocalDate from = null;
        for (String step : steps.split(",")) {
            String[] parts = step.split(":");
            LocalDate day = LocalDate.parse(parts[1]);
            if (parts[0].equals("SUSPENDED") && from == null) {
                from = day;
            } else if (parts[0].equals("REINSTATED") && from != null) {
                periods.add(new Suspension(from, day));
                from = null;
            }
        }
        if (from != null) {
            periods.add(new Suspension(from, null));
        }
        return List.copyOf(periods);
    }
}
