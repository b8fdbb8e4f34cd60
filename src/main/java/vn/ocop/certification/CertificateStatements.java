package vn.ocop.certification;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ocop.certification.CertificateStatement.Type;

/**
 * Writes and reads the signed statements of certificates ({@code certificate_statement}, append-only). A statement
 * is signed with the current statement key when it is made, in the transaction of the change it records.
 */
@Component
class CertificateStatements {

    private final JdbcClient jdbc;
    private final CertificateKeys keys;

    CertificateStatements(JdbcClient jdbc, CertificateKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /**
     * The ISSUED statement of a certificate about to be stored (its signature is the certificate's, the one its QR
     * code carries); store it with {@link #store} once the certificate has its id.
     *
     * @param legacySignature the certificate's signature of before the statements (migrated certificates only)
     */
    CertificateStatement issue(Certificate certificate, @Nullable String legacySignature) {
        return signed(
                1,
                Type.ISSUED,
                certificate.number(),
                null,
                CertificateStatus.VALID,
                certificate.issuedOn(),
                details("certificate", CertificateStatement.facts(certificate), "legacySignature", legacySignature));
    }

    void store(long certificateId, CertificateStatement statement) {
        jdbc.sql("""
                        INSERT INTO certificate_statement (certificate_id, seq, type, content, key_id, signature)
                        VALUES (?, ?, ?, ?, ?, ?)""")
                .params(
                        certificateId,
                        statement.seq(),
                        statement.type().name(),
                        statement.content(),
                        statement.keyId(),
                        statement.signature())
                .update();
    }

    /**
     * Records a change of status as the next statement of the certificate. The caller holds the certificate's row
     * lock, so two changes cannot take the same place in the chain.
     */
    CertificateStatement append(
            long certificateId,
            String number,
            Type type,
            CertificateStatus status,
            LocalDate on,
            Map<String, @Nullable Object> details) {
        List<CertificateStatement> chain = of(certificateId);
        CertificateStatement last = chain.isEmpty() ? null : chain.get(chain.size() - 1);
        CertificateStatement statement = signed(
                last == null ? 1 : last.seq() + 1,
                type,
                number,
                last == null ? null : last.content(),
                status,
                on,
                details);
        store(certificateId, statement);
        return statement;
    }

    /** A certificate's statements in order. */
    List<CertificateStatement> of(long certificateId) {
        return jdbc.sql("""
                        SELECT seq, type, content, key_id, signature, created_at FROM certificate_statement
                         WHERE certificate_id = ? ORDER BY seq""")
                .param(certificateId)
                .query((rs, n) -> new CertificateStatement(
                        rs.getInt(1),
                        Type.valueOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, java.time.OffsetDateTime.class).toInstant()))
                .list();
    }

    private CertificateStatement signed(
            int seq,
            Type type,
            String number,
            @Nullable String previousContent,
            CertificateStatus status,
            LocalDate on,
            Map<String, @Nullable Object> details) {
        // The key id is part of the signed text: the body names the key that then signs it.
        CertificateKeys.StatementKey key = keys.signingKey();
        String body = CertificateStatement.body(seq, type, number, key.id(), previousContent, status, on, details);
        String signature = keys.sign(key, body.getBytes(StandardCharsets.UTF_8));
        return new CertificateStatement(seq, type, body, key.id(), signature, Instant.now());
    }

    /** Details of a statement by name; null values are left out of the statement. */
    static Map<String, @Nullable Object> details(@Nullable Object... namesAndValues) {
        Map<String, @Nullable Object> details = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            details.put((String) java.util.Objects.requireNonNull(namesAndValues[i]), namesAndValues[i + 1]);
        }
        return details;
    }
}
