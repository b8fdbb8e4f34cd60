package vn.ocop.certification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;
import vn.ocop.certification.CertificateStatement.Type;

/**
 * Moves the certificate signing key out of the database (docs/decisions/0016), for installations that ran with the
 * key in {@code signing_key}:
 *
 * <ol>
 *   <li>the key is written to the key store on disk ({@link CertificateKeys#adopt}: it stays the signing key of a new
 *       store), before anything is removed;
 *   <li>each certificate whose stored facts still match its first-format signature ({@code OCOP-CERT-1}, fields
 *       joined with {@code |}) gets its signed statements: the ISSUED one (carrying the old signature, so the QR codes
 *       already printed still check) and one for its current status when it is suspended, revoked or replaced. A
 *       certificate whose row no longer matches its old signature gets none and shows as not verified;
 *   <li>the {@code signing_key} table is dropped.
 * </ol>
 *
 * One transaction: if anything fails, nothing is dropped and the next start tries again (writing the key to the store
 * twice changes nothing). A new installation has no key row: the table is just dropped.
 */
@Component
class V71__CertificateKeysOutOfTheDatabase extends BaseJavaMigration {

    private static final Logger log = LoggerFactory.getLogger(V71__CertificateKeysOutOfTheDatabase.class);

    private final CertificateKeys keys;

    V71__CertificateKeysOutOfTheDatabase(CertificateKeys keys) {
        this.keys = keys;
    }

    @Override
    public void migrate(Context context) throws Exception {
        migrate(context.getConnection(), keys);
    }

    /** What the migration did: the key it took over (if any), certificates given statements, and left unverified. */
    record Outcome(@Nullable String keyId, int migrated, int unverified) {}

    static Outcome migrate(Connection connection, CertificateKeys keys) throws GeneralSecurityException {
        JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
        boolean table = jdbc.sql("SELECT to_regclass('signing_key') IS NOT NULL")
                .query(Boolean.class)
                .single();
        if (!table) {
            return new Outcome(null, 0, 0);
        }
        Optional<KeyPair> legacy = jdbc.sql("SELECT private_key, public_key FROM signing_key WHERE name = ?")
                .param("certificate-ed25519")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional()
                .map(V71__CertificateKeysOutOfTheDatabase::keyPair);
        String keyId = legacy.map(keys::adopt).orElse(null);
        int migrated = 0;
        int unverified = 0;
        CertificateStore store = new CertificateStore(jdbc);
        CertificateStatements statements = new CertificateStatements(jdbc, keys);
        for (Certificate c : store.withoutStatements()) {
            boolean authentic = legacy.isPresent()
                    && CertificateKeys.verify(
                            legacy.get().getPublic(), legacyContent(c).getBytes(StandardCharsets.UTF_8), c.signature());
            if (!authentic) {
                log.warn("Certificate {}: its stored data does not match its signature; left unverified", c.number());
                unverified++;
                continue;
            }
            statements.store(c.id(), statements.issue(c, c.signature()));
            statusStatement(jdbc, statements, c);
            migrated++;
        }
        jdbc.sql("DROP TABLE signing_key").update();
        if (keyId != null || migrated + unverified > 0) {
            log.warn(
                    "Certificate signing key {} moved from the database to {}; {} certificates given signed"
                            + " statements, {} left unverified",
                    keyId,
                    keys.file(),
                    migrated,
                    unverified);
        }
        return new Outcome(keyId, migrated, unverified);
    }

    /** The text the first format signed: ten fields joined with {@code |} (ambiguous, hence replaced). */
    static String legacyContent(Certificate c) {
        return String.join(
                "|",
                "OCOP-CERT-1",
                c.number(),
                c.productName(),
                c.producerName(),
                c.ocopCode(),
                Integer.toString(c.star()),
                c.level(),
                c.issuedOn().toString(),
                c.expiresOn().toString(),
                c.decisionNumber());
    }

    /** The current status of a migrated certificate as a statement (the first format did not sign it). */
    private static void statusStatement(JdbcClient jdbc, CertificateStatements statements, Certificate c) {
        String note = "status at the move of the signing key out of the database";
        switch (c.storedStatus()) {
            case REVOKED ->
                statements.append(
                        c.id(),
                        c.number(),
                        Type.REVOKED,
                        CertificateStatus.REVOKED,
                        c.revokedOn() == null ? LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM) : c.revokedOn(),
                        CertificateStatements.details(
                                "ground",
                                c.revocationGround() == null
                                        ? null
                                        : c.revocationGround().name(),
                                "decisionNumber",
                                c.revocationDecision(),
                                "note",
                                note));
            case SUSPENDED, SUPERSEDED -> {
                Type type = c.storedStatus() == CertificateStatus.SUSPENDED ? Type.SUSPENDED : Type.SUPERSEDED;
                Optional<Object[]> event = jdbc.sql("""
                                SELECT at, note FROM certificate_event WHERE certificate_id = ? AND type = ?
                                 ORDER BY at DESC, id DESC LIMIT 1""")
                        .params(c.id(), type.name())
                        .query((rs, n) -> new Object[] {rs.getObject(1, OffsetDateTime.class), rs.getString(2)})
                        .optional();
                LocalDate on = event.map(e -> ((OffsetDateTime) e[0])
                                .atZoneSameInstant(vn.ocop.shared.OcopClock.VIETNAM)
                                .toLocalDate())
                        .orElse(LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM));
                statements.append(
                        c.id(),
                        c.number(),
                        type,
                        c.storedStatus(),
                        on,
                        CertificateStatements.details(
                                "record", event.map(e -> (String) e[1]).orElse(null), "note", note));
            }
            default -> {
                // VALID and EXPIRED: the ISSUED statement says it all (expiry follows from its dates)
            }
        }
    }

    private static KeyPair keyPair(String[] stored) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            return new KeyPair(
                    factory.generatePublic(
                            new X509EncodedKeySpec(Base64.getDecoder().decode(stored[1]))),
                    factory.generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored[0]))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the signing key stored in the database cannot be read", e);
        }
    }
}
