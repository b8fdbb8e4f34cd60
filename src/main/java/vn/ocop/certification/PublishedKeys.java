package vn.ocop.certification;

import java.time.Instant;
import java.util.List;

/**
 * What anyone needs to check the platform's signatures without it: the Ed25519 keys of the signed certificate
 * statements (the signing one first, then the verification-only ones of before each rotation) and the X.509
 * certificates that sign certificate PDFs.
 */
public record PublishedKeys(List<StatementKey> statementKeys, List<PdfCertificate> pdfCertificates) {

    /**
     * @param keyId what a statement's {@code keyId} names: the first 16 hex digits of the SHA-256 of the public key
     * @param publicKey X.509 SubjectPublicKeyInfo, base64
     * @param active whether it signs new statements; false for a verification-only key
     * @param since when the key was made
     */
    public record StatementKey(String keyId, String algorithm, String publicKey, boolean active, Instant since) {}

    /**
     * @param authority {@code CENTRAL} (ministry), a province code, or {@code PLATFORM} (the platform's own
     *     self-signed certificate, used by every authority without its own)
     * @param sha256 the certificate's SHA-256 fingerprint, as PDF readers show it
     * @param pem the certificate in PEM
     */
    public record PdfCertificate(
            String authority, String subject, String sha256, Instant validFrom, Instant validUntil, String pem) {}
}
