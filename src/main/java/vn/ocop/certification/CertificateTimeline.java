package vn.ocop.certification;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public status history of a product's certificates: when it was certified, upgraded or re-evaluated, suspended
 * and reinstated, and when a certificate expired or was revoked. Public facts (the verification page shows them too);
 * no decision texts beyond what the certificate prints, no names of officers.
 */
@Service
@Transactional(readOnly = true)
public class CertificateTimeline {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** What happened to a product's certification. */
    public enum Change {
        /** A first certificate was issued. */
        CERTIFIED,
        /** A certificate with more stars replaced the previous one. */
        UPGRADED,
        /** The product was evaluated again and certified anew (same or fewer stars). */
        REEVALUATED,
        /** The issuing authority suspended the certificate: no star until reinstated. */
        SUSPENDED,
        /** The suspension was lifted. */
        REINSTATED,
        /** The certificate's 36 months ended (the date is its last day). */
        EXPIRED,
        /** The certificate was revoked on one of the grounds of Art. 8. */
        REVOKED
    }

    /** One change, on a day, of the certificate with this number and star. */
    public record StatusChange(LocalDate on, Change change, String certificateNumber, int star, String level) {}

    private final JdbcClient jdbc;

    CertificateTimeline(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The product's changes, oldest first; empty when no certificate was ever issued here for it. */
    public List<StatusChange> of(long productId) {
        List<StatusChange> changes = new ArrayList<>();
        jdbc.sql("""
                        SELECT e.type, e.at, c.number, c.star, c.level, c.issued_on, c.expires_on, c.revoked_on
                          FROM certificate_event e JOIN certificate c ON c.id = e.certificate_id
                         WHERE c.product_id = ? ORDER BY e.at, e.id""")
                .param(productId)
                .query((rs, n) -> {
                    String type = rs.getString("type");
                    LocalDate recorded =
                            rs.getTimestamp("at").toInstant().atZone(VIETNAM).toLocalDate();
                    LocalDate issued = rs.getObject("issued_on", LocalDate.class);
                    LocalDate revoked = rs.getObject("revoked_on", LocalDate.class);
                    Change change;
                    LocalDate on;
                    switch (type) {
                        case "ISSUED" -> {
                            change = Change.CERTIFIED;
                            on = issued;
                        }
                        case "UPGRADE" -> {
                            change = Change.UPGRADED;
                            on = issued;
                        }
                        case "REEVALUATION" -> {
                            change = Change.REEVALUATED;
                            on = issued;
                        }
                        case "SUSPENDED" -> {
                            change = Change.SUSPENDED;
                            on = recorded;
                        }
                        case "REINSTATED" -> {
                            change = Change.REINSTATED;
                            on = recorded;
                        }
                        case "EXPIRED" -> {
                            change = Change.EXPIRED;
                            on = rs.getObject("expires_on", LocalDate.class);
                        }
                        case "REVOKED" -> {
                            change = Change.REVOKED;
                            on = revoked == null ? recorded : revoked;
                        }
                        default -> {
                            return null; // SUPERSEDED: the newer certificate's own entry says it
                        }
                    }
                    changes.add(new StatusChange(
                            on, change, rs.getString("number"), rs.getInt("star"), rs.getString("level")));
                    return null;
                })
                .list();
        changes.sort(java.util.Comparator.comparing(StatusChange::on));
        return changes;
    }
}
