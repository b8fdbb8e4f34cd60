package vn.ocop.certification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads certificates with their decision. */
@Component
class CertificateStore {

    private static final String SELECT = """
            SELECT c.*, d.number AS decision_number, d.decided_on, d.authority
              FROM certificate c JOIN recognition_decision d ON d.id = c.decision_id""";

    private final JdbcClient jdbc;

    CertificateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Certificate> byNumber(String number) {
        return jdbc.sql(SELECT + " WHERE c.number = ?")
                .param(number)
                .query(this::map)
                .optional();
    }

    /** The certificate, its row locked until the transaction ends: for changes of status. */
    Optional<Certificate> byNumberForUpdate(String number) {
        return jdbc.sql(SELECT + " WHERE c.number = ? FOR UPDATE OF c")
                .param(number)
                .query(this::map)
                .optional();
    }

    /** Certificates that have no signed statement yet (issued before statements existed). */
    List<Certificate> withoutStatements() {
        return jdbc.sql(SELECT
                        + " WHERE NOT EXISTS (SELECT 1 FROM certificate_statement s WHERE s.certificate_id = c.id)"
                        + " ORDER BY c.id")
                .query(this::map)
                .list();
    }

    List<Certificate> byProduct(long productId) {
        return jdbc.sql(SELECT + " WHERE c.product_id = ? ORDER BY c.issued_on DESC, c.id DESC")
                .param(productId)
                .query(this::map)
                .list();
    }

    List<Certificate> validExpiringBefore(LocalDate day) {
        return jdbc.sql(SELECT + " WHERE c.status = 'VALID' AND c.expires_on < ? ORDER BY c.id")
                .param(day)
                .query(this::map)
                .list();
    }

    private Certificate map(ResultSet rs, int row) throws SQLException {
        String ground = rs.getString("revocation_ground");
        long dossier = rs.getLong("dossier_id");
        return new Certificate(
                rs.getLong("id"),
                rs.getString("number"),
                rs.getString("decision_number"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("authority"),
                rs.getLong("product_id"),
                rs.getLong("producer_id"),
                rs.wasNull() ? null : dossier,
                rs.getString("kind"),
                rs.getInt("star"),
                rs.getString("level"),
                rs.getString("product_name"),
                rs.getString("producer_name"),
                rs.getString("ocop_code"),
                rs.getString("commune_code"),
                rs.getString("province_code"),
                rs.getObject("issued_on", LocalDate.class),
                rs.getObject("expires_on", LocalDate.class),
                CertificateStatus.valueOf(rs.getString("status")),
                rs.getString("signature"),
                ground == null ? null : RevocationGround.valueOf(ground),
                rs.getString("revocation_decision"),
                rs.getObject("revoked_on", LocalDate.class));
    }
}
