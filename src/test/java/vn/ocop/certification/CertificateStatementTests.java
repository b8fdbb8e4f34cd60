package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.ocop.certification.CertificateStatement.Type;

/**
 * Signed statements and their check, without Spring: the encoding is unambiguous, every fact the verification page
 * shows is covered, and status changes are part of what is checked.
 */
class CertificateStatementTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    private KeyPair pair;
    private final String keyId = "0123456789abcdef";

    @BeforeEach
    void key() throws Exception {
        pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
    }

    static Certificate certificate(UnaryOperator<Certificate> change) {
        return change.apply(CertificateTests.issuedOn(LocalDate.of(2026, 1, 31), CertificateStatus.VALID));
    }

    private CertificateStatement sign(int seq, Type type, String body) throws Exception {
        Signature signer = Signature.getInstance("Ed25519");
        signer.initSign(pair.getPrivate());
        signer.update(body.getBytes(StandardCharsets.UTF_8));
        return new CertificateStatement(
                seq, type, body, keyId, Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign()), null);
    }

    private CertificateStatement issued(Certificate c) throws Exception {
        return sign(
                1,
                Type.ISSUED,
                CertificateStatement.body(
                        1,
                        Type.ISSUED,
                        c.number(),
                        keyId,
                        null,
                        CertificateStatus.VALID,
                        c.issuedOn(),
                        CertificateStatements.details("certificate", CertificateStatement.facts(c))));
    }

    private CertificateStatement next(
            CertificateStatement previous, Type type, CertificateStatus status, LocalDate on, Object... details)
            throws Exception {
        int seq = previous.seq() + 1;
        return sign(
                seq,
                type,
                CertificateStatement.body(
                        seq,
                        type,
                        "82-26-ABCDE-FGHJK",
                        keyId,
                        previous.content(),
                        status,
                        on,
                        CertificateStatements.details(details)));
    }

    private StatementCheck.Verdict check(Certificate row, List<CertificateStatement> statements) {
        return StatementCheck.check(
                row,
                statements,
                (id, content, signature) ->
                        CertificateKeys.verify(pair.getPublic(), content, signature) && id.equals(keyId),
                TODAY);
    }

    /** The stored row of a certificate issued with a statement: its signature is the statement's. */
    static Certificate withSignature(Certificate c, String signature) {
        return copy(c, "signature", signature);
    }

    @Test
    void theEncodingIsCanonicalJsonWhereTheOldPipeJoinWasAmbiguous() {
        Certificate a = certificate(c -> rename(c, "Trà|Sen", "HTX"));
        Certificate b = certificate(c -> rename(c, "Trà", "Sen|HTX"));
        assertThat(V71__CertificateKeysOutOfTheDatabase.legacyContent(a))
                .as("the first format signed the same text for two different certificates")
                .isEqualTo(V71__CertificateKeysOutOfTheDatabase.legacyContent(b));
        String facts = CertificateStatement.canonical(CertificateStatement.facts(a));
        assertThat(facts).isNotEqualTo(CertificateStatement.canonical(CertificateStatement.facts(b)));
        // RFC 8785: keys sorted, no white space, strings as JSON writes them, integers as integers.
        assertThat(facts)
                .startsWith("{\"authority\":\"UBND tỉnh Đồng Tháp\",\"communeCode\":\"29869\"")
                .contains("\"productName\":\"Trà|Sen\"", "\"star\":4", "\"provinceCode\":\"82\"")
                .doesNotContain(" \"", ": ");
        assertThat(CertificateStatement.canonicalJson("{ \"b\": 1, \"a\": \"x\" }"))
                .isEqualTo("{\"a\":\"x\",\"b\":1}");
    }

    @Test
    void aCertificateAsIssuedIsAuthenticAndItsQrSignatureIsItsOwn() throws Exception {
        Certificate c = certificate(UnaryOperator.identity());
        CertificateStatement issued = issued(c);
        Certificate row = withSignature(c, issued.signature());

        StatementCheck.Verdict verdict = check(row, List.of(issued));

        assertThat(verdict.authentic()).as(verdict.problem()).isTrue();
        assertThat(verdict.signatureIsTheCertificates(issued.signature())).isTrue();
        assertThat(verdict.signatureIsTheCertificates("forged")).isFalse();
        assertThat(check(row, List.of()))
                .extracting(StatementCheck.Verdict::authentic)
                .isEqualTo(false);
    }

    @Test
    void everyFactTheVerificationPageShowsIsCovered() throws Exception {
        Certificate c = certificate(UnaryOperator.identity());
        CertificateStatement issued = issued(c);
        Map<String, UnaryOperator<Certificate>> changes = Map.ofEntries(
                Map.entry("number", x -> copy(x, "number", "82-26-ABCDE-FGHJX")),
                Map.entry("product", x -> rename(x, "Trà tim sen loại 2", x.producerName())),
                Map.entry("producer", x -> rename(x, x.productName(), "HTX khác")),
                Map.entry("star", x -> copy(x, "star", 5)),
                Map.entry("level", x -> copy(x, "level", "CENTRAL")),
                Map.entry("province", x -> copy(x, "provinceCode", "01")),
                Map.entry("commune", x -> copy(x, "communeCode", "00004")),
                Map.entry("OCOP code", x -> copy(x, "ocopCode", "82-29869-002-2026")),
                Map.entry("issue date", x -> copy(x, "issuedOn", LocalDate.of(2026, 2, 1))),
                Map.entry("validity", x -> copy(x, "expiresOn", LocalDate.of(2030, 1, 31))),
                Map.entry("decision", x -> copy(x, "decisionNumber", "13/QĐ-UBND")),
                Map.entry("authority", x -> copy(x, "authority", "UBND tỉnh khác")),
                Map.entry("status", x -> copy(x, "storedStatus", CertificateStatus.SUSPENDED)),
                Map.entry("revocation", x -> copy(x, "storedStatus", CertificateStatus.REVOKED)));
        Certificate row = withSignature(c, issued.signature());
        assertThat(check(row, List.of(issued)).authentic()).isTrue();
        changes.forEach((fact, change) -> assertThat(
                        check(change.apply(row), List.of(issued)).authentic())
                .as("a changed %s no longer verifies", fact)
                .isFalse());
    }

    @Test
    void statusChangesAreSignedStatementsThatVerificationChecks() throws Exception {
        Certificate c = certificate(UnaryOperator.identity());
        CertificateStatement issued = issued(c);
        CertificateStatement suspended =
                next(issued, Type.SUSPENDED, CertificateStatus.SUSPENDED, TODAY, "decisionNumber", "77/QĐ-UBND");
        CertificateStatement reinstated =
                next(suspended, Type.REINSTATED, CertificateStatus.VALID, TODAY, "decisionNumber", "81/QĐ-UBND");
        Certificate valid = withSignature(c, issued.signature());
        Certificate suspendedRow = copy(valid, "storedStatus", CertificateStatus.SUSPENDED);

        assertThat(check(suspendedRow, List.of(issued, suspended)).authentic()).isTrue();
        assertThat(check(valid, List.of(issued, suspended)).authentic())
                .as("a suspension lifted by hand in the database")
                .isFalse();
        assertThat(check(valid, List.of(issued, suspended, reinstated)).authentic())
                .isTrue();
        assertThat(check(valid, List.of(issued, reinstated)).authentic())
                .as("a statement removed from the middle of the chain")
                .isFalse();
        List<CertificateStatement> swapped = new ArrayList<>(List.of(issued, reinstated, suspended));
        assertThat(check(suspendedRow, swapped).authentic()).isFalse();
    }

    @Test
    void aRevocationIsCheckedWithItsGroundDecisionAndDate() throws Exception {
        Certificate c = certificate(UnaryOperator.identity());
        CertificateStatement issued = issued(c);
        CertificateStatement revoked = next(
                issued,
                Type.REVOKED,
                CertificateStatus.REVOKED,
                LocalDate.of(2026, 5, 1),
                "ground",
                "MISUSE_OF_MARK",
                "decisionNumber",
                "45/QĐ-UBND");
        Certificate row = revoke(withSignature(c, issued.signature()), RevocationGround.MISUSE_OF_MARK, "45/QĐ-UBND");

        assertThat(check(row, List.of(issued, revoked)).authentic()).isTrue();
        assertThat(check(revoke(row, RevocationGround.OTHER_CONCLUSION, "45/QĐ-UBND"), List.of(issued, revoked))
                        .authentic())
                .isFalse();
        assertThat(check(revoke(row, RevocationGround.MISUSE_OF_MARK, "46/QĐ-UBND"), List.of(issued, revoked))
                        .authentic())
                .isFalse();
    }

    @Test
    void aSignatureByAnUnknownKeyOrOverChangedContentDoesNotVerify() throws Exception {
        Certificate c = certificate(UnaryOperator.identity());
        CertificateStatement issued = issued(c);
        Certificate row = withSignature(c, issued.signature());
        CertificateStatement altered = new CertificateStatement(
                1, Type.ISSUED, issued.content().replace("\"star\":4", "\"star\":5"), keyId, issued.signature(), null);
        CertificateStatement otherKey = new CertificateStatement(
                1, Type.ISSUED, issued.content(), "ffffffffffffffff", issued.signature(), null);

        assertThat(check(copy(row, "star", 5), List.of(altered)).authentic()).isFalse();
        assertThat(check(row, List.of(otherKey)).authentic()).isFalse();
    }

    @Test
    void anExpiredCertificateStaysAuthenticWithoutAStatement() throws Exception {
        Certificate c = certificate(UnaryOperator.identity());
        CertificateStatement issued = issued(c);
        Certificate expired = copy(withSignature(c, issued.signature()), "storedStatus", CertificateStatus.EXPIRED);
        assertThat(StatementCheck.check(
                                expired,
                                List.of(issued),
                                (id, content, signature) ->
                                        CertificateKeys.verify(pair.getPublic(), content, signature),
                                c.expiresOn().plusDays(1))
                        .authentic())
                .isTrue();
        assertThat(check(expired, List.of(issued)).authentic())
                .as("marked expired before its last day")
                .isFalse();
    }

    private static Certificate rename(Certificate c, String product, String producer) {
        return copy(copy(c, "productName", product), "producerName", producer);
    }

    private static Certificate revoke(Certificate c, RevocationGround ground, String decision) {
        Certificate revoked = copy(copy(c, "storedStatus", CertificateStatus.REVOKED), "revocationGround", ground);
        return copy(copy(revoked, "revocationDecision", decision), "revokedOn", LocalDate.of(2026, 5, 1));
    }

    /** A copy of the record with one component replaced (by name). */
    static Certificate copy(Certificate c, String component, Object value) {
        try {
            var components = Certificate.class.getRecordComponents();
            Object[] values = new Object[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                values[i] = components[i].getName().equals(component)
                        ? value
                        : components[i].getAccessor().invoke(c);
            }
            return Certificate.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
