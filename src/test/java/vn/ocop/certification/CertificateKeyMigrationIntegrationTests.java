package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.IntegrationTest;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopClock;

/**
 * An installation that ran with the signing key in the database ({@code signing_key}, certificates signed over
 * {@code |}-joined fields): migration V71 writes the key to the key store, gives the certificates that still match
 * their old signature signed statements (their printed QR codes still check) and drops the table.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.ResourceLock(vn.ocop.SharedState.SIGNING_KEY) // its signing_key table, for a moment
class CertificateKeyMigrationIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.ocop.evaluation.DossierFixtures fixtures;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    EvaluationRounds rounds;

    @Autowired
    Dossiers dossiers;

    @Autowired
    CouncilScoring scoring;

    @Autowired
    Certification certification;

    @TempDir
    Path directory;

    @Test
    void theKeyInTheDatabaseMovesToTheKeyStoreAndCertificatesSignedWithItKeepVerifying() throws Exception {
        Certificate template = new IssuedCertificates(
                        producers, products, rounds, dossiers, scoring, certification, jdbc, fixtures)
                .province("Chả cá thát lát thử chuyển khóa", LocalDate.of(2026, 6, 2));
        KeyPair legacy = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        jdbc.sql("""
                        CREATE TABLE signing_key (name varchar(50) PRIMARY KEY, private_key text NOT NULL,
                                                  public_key text NOT NULL, created_at timestamptz NOT NULL DEFAULT now())""").update();
        jdbc.sql("INSERT INTO signing_key (name, private_key, public_key) VALUES ('certificate-ed25519', ?, ?)")
                .params(
                        Base64.getEncoder().encodeToString(legacy.getPrivate().getEncoded()),
                        Base64.getEncoder().encodeToString(legacy.getPublic().getEncoded()))
                .update();
        Certificate revoked = legacyCertificate(template, legacy, "REVOKED");
        Certificate altered = legacyCertificate(template, legacy, "VALID");
        jdbc.sql("UPDATE certificate SET star = 5, level = 'CENTRAL' WHERE id = ?")
                .param(altered.id())
                .update();
        CertificateKeys keys = CertificateKeysTests.keys(directory.resolve("ocop-signing.p12"), "");

        V71__CertificateKeysOutOfTheDatabase.Outcome outcome;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            outcome = V71__CertificateKeysOutOfTheDatabase.migrate(connection, keys);
            connection.commit();
        }

        String legacyId = CertificateKeys.keyId(legacy.getPublic());
        assertThat(outcome).isEqualTo(new V71__CertificateKeysOutOfTheDatabase.Outcome(legacyId, 1, 1));
        assertThat(keys.signingKey().id())
                .as("the old key keeps signing, now from the key store")
                .isEqualTo(legacyId);
        assertThat(jdbc.sql("SELECT to_regclass('signing_key') IS NULL")
                        .query(Boolean.class)
                        .single())
                .isTrue();

        CertificateStatements statements = new CertificateStatements(jdbc, keys);
        CertificateStore store = new CertificateStore(jdbc);
        Certificate migrated = store.byNumber(revoked.number()).orElseThrow();
        List<CertificateStatement> chain = statements.of(migrated.id());
        assertThat(chain)
                .extracting(CertificateStatement::type)
                .containsExactly(CertificateStatement.Type.ISSUED, CertificateStatement.Type.REVOKED);
        StatementCheck.Verdict verdict =
                StatementCheck.check(migrated, chain, keys::verify, LocalDate.now(OcopClock.VIETNAM));
        assertThat(verdict.authentic()).as(verdict.problem()).isTrue();
        assertThat(verdict.signatureIsTheCertificates(revoked.signature()))
                .as("the QR code printed before the migration still checks")
                .isTrue();
        assertThat(statements.of(altered.id()))
                .as("altered before the migration: left unverified")
                .isEmpty();
    }

    /** A certificate as the first format stored it: signed over ten fields joined with {@code |}. */
    private Certificate legacyCertificate(Certificate template, KeyPair key, String status) throws Exception {
        String number =
                "82-25-" + UUID.randomUUID().toString().replaceAll("[^0-9]", "").substring(0, 5) + "-OLD"
                        + (char) ('A' + (int) (Math.random() * 20));
        boolean revoked = status.equals("REVOKED");
        long id = jdbc.sql("""
                        INSERT INTO certificate (number, decision_id, product_id, producer_id, kind, star, level,
                                                 product_name, producer_name, ocop_code, commune_code, province_code,
                                                 issued_on, expires_on, status, signature, revocation_ground,
                                                 revocation_decision, revoked_on)
                        SELECT ?, decision_id, product_id, producer_id, 'NEW', star, level, product_name,
                               producer_name, ocop_code, commune_code, province_code, issued_on, expires_on, ?, '',
                               ?, ?, ? FROM certificate WHERE number = ? RETURNING id""")
                .params(
                        number,
                        status,
                        revoked ? "MISUSE_OF_MARK" : null,
                        revoked ? "12/QĐ-UBND" : null,
                        revoked ? LocalDate.of(2025, 12, 1) : null,
                        template.number())
                .query(Long.class)
                .single();
        Certificate row = new CertificateStore(jdbc)
                .byNumber(number)
                .orElseThrow(() -> new IllegalStateException("certificate " + id + " not stored"));
        Signature ed25519 = Signature.getInstance("Ed25519");
        ed25519.initSign(key.getPrivate());
        ed25519.update(V71__CertificateKeysOutOfTheDatabase.legacyContent(row).getBytes(StandardCharsets.UTF_8));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(ed25519.sign());
        jdbc.sql("UPDATE certificate SET signature = ? WHERE id = ?")
                .params(signature, id)
                .update();
        return new CertificateStore(jdbc).byNumber(number).orElseThrow();
    }
}
