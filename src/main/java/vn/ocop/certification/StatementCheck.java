package vn.ocop.certification;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import vn.ocop.certification.CertificateStatement.Type;

/**
 * Whether a certificate as stored is what its signed statements say: every statement signed by a known key, the
 * chain complete and in order, the stored facts equal to those of the ISSUED statement, and the stored status (and
 * revocation) equal to the last statement's. Anything else, a changed name or star, a status set back by hand, a
 * statement removed from the middle, is "not verified".
 */
final class StatementCheck {

    /** Checks a statement's signature by the key it names. */
    interface Verifier {
        boolean verify(String keyId, byte[] content, String signature);
    }

    /**
     * @param authentic whether the stored certificate is what its statements say
     * @param problem why not (for the log; the public page only says "not verified")
     * @param issued the ISSUED statement, when there is one
     */
    record Verdict(
            boolean authentic,
            @Nullable String problem,
            @Nullable CertificateStatement issued) {

        /** Whether {@code signature} (e.g. read from a QR code) is the certificate's own, issued or migrated. */
        boolean signatureIsTheCertificates(String signature) {
            if (!authentic || issued == null) {
                return false;
            }
            JsonNode legacy = issued.json().get("legacySignature");
            return signature.equals(issued.signature()) || (legacy != null && signature.equals(legacy.asString()));
        }
    }

    private StatementCheck() {}

    static Verdict check(Certificate row, List<CertificateStatement> statements, Verifier keys, LocalDate today) {
        if (statements.isEmpty()) {
            return fail("no signed statement", null);
        }
        CertificateStatement issued = statements.get(0);
        CertificateStatement previous = null;
        String status = null;
        for (CertificateStatement statement : statements) {
            int expectedSeq = previous == null ? 1 : previous.seq() + 1;
            if (statement.seq() != expectedSeq) {
                return fail("statement " + expectedSeq + " missing", issued);
            }
            if (!keys.verify(statement.keyId(), statement.bytes(), statement.signature())) {
                return fail("statement " + statement.seq() + ": signature does not verify", issued);
            }
            JsonNode json = statement.json();
            if (!CertificateStatement.FORMAT.equals(text(json, "format"))
                    || json.path("seq").asInt(-1) != statement.seq()
                    || !statement.type().name().equals(text(json, "type"))
                    || !statement.keyId().equals(text(json, "keyId"))
                    || !row.number().equals(text(json, "number"))) {
                return fail("statement " + statement.seq() + ": not about this certificate", issued);
            }
            if (previous == null) {
                if (statement.type() != Type.ISSUED || json.has("previous")) {
                    return fail("the first statement is not the issue", issued);
                }
                JsonNode facts = json.get("certificate");
                if (facts == null
                        || !CertificateStatement.canonicalJson(facts.toString())
                                .equals(CertificateStatement.canonical(CertificateStatement.facts(row)))) {
                    return fail("stored facts differ from the signed ones", issued);
                }
                JsonNode legacy = json.get("legacySignature");
                if (!row.signature().equals(statement.signature())
                        && (legacy == null || !row.signature().equals(legacy.asString()))) {
                    return fail("stored signature is not the issue statement's", issued);
                }
            } else if (statement.type() == Type.ISSUED
                    || !CertificateStatement.hash(previous.content()).equals(text(json, "previous"))) {
                return fail("statement " + statement.seq() + " does not follow " + previous.seq(), issued);
            }
            if (statement.type() == Type.REVOKED && !revocationMatches(row, json)) {
                return fail("stored revocation differs from the signed one", issued);
            }
            status = text(json, "status");
            previous = statement;
        }
        CertificateStatus signed;
        try {
            signed = CertificateStatus.valueOf(Objects.requireNonNull(status));
        } catch (IllegalArgumentException | NullPointerException e) {
            return fail("unknown signed status " + status, issued);
        }
        if (row.statusOn(today) != statusOn(signed, row.expiresOn(), today)) {
            return fail("stored status " + row.storedStatus() + " is not the signed " + signed, issued);
        }
        return new Verdict(true, null, issued);
    }

    /** A signed status on a day: in force or suspended past the last day is expired (no statement needed). */
    static CertificateStatus statusOn(CertificateStatus signed, LocalDate expiresOn, LocalDate today) {
        if ((signed == CertificateStatus.VALID || signed == CertificateStatus.SUSPENDED) && today.isAfter(expiresOn)) {
            return CertificateStatus.EXPIRED;
        }
        return signed;
    }

    private static boolean revocationMatches(Certificate row, JsonNode json) {
        return row.revocationGround() != null
                && row.revocationGround().name().equals(text(json, "ground"))
                && Objects.equals(row.revocationDecision(), text(json, "decisionNumber"))
                && row.revokedOn() != null
                && row.revokedOn().toString().equals(text(json, "on"));
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || !value.isString() ? null : value.asString();
    }

    private static Verdict fail(String problem, @Nullable CertificateStatement issued) {
        return new Verdict(false, problem, issued);
    }
}
