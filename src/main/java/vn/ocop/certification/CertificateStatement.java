package vn.ocop.certification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * One signed statement about a certificate: its issue (with every fact the certificate and the verification page
 * show) or a later change of its status (suspension, reinstatement, revocation, replacement by a newer certificate).
 * The statements of a certificate form a chain: each names its position ({@code seq}) and the SHA-256 of the one
 * before it, so none can be dropped from the middle, reordered or replayed on another certificate.
 *
 * <p>{@code content} is the exact signed text: a JSON object in the JSON Canonicalization Scheme (RFC 8785: sorted
 * keys, no white space, one way to write each string and number), UTF-8, signed with Ed25519 by key {@code keyId}.
 * Anyone can check it with the published public keys, without this software.
 */
public record CertificateStatement(
        int seq,
        Type type,
        String content,
        String keyId,
        String signature,
        @Nullable Instant createdAt) {

    /** The format name every statement carries, so that a later format can be told apart. */
    public static final String FORMAT = "ocop-certificate-statement/1";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What a statement says happened. */
    public enum Type {
        ISSUED,
        SUSPENDED,
        REINSTATED,
        REVOKED,
        SUPERSEDED
    }

    /**
     * The facts of a certificate as its ISSUED statement carries them: the certificate, the product and producer,
     * the place (commune and province codes), the star and level, the dates and the recognition decision.
     */
    static Map<String, Object> facts(Certificate c) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("number", c.number());
        facts.put("kind", c.kind());
        facts.put("star", c.star());
        facts.put("level", c.level());
        facts.put("productId", c.productId());
        facts.put("productName", c.productName());
        facts.put("producerId", c.producerId());
        facts.put("producerName", c.producerName());
        facts.put("ocopCode", c.ocopCode());
        facts.put("communeCode", c.communeCode());
        facts.put("provinceCode", c.provinceCode());
        facts.put("issuedOn", c.issuedOn().toString());
        facts.put("expiresOn", c.expiresOn().toString());
        facts.put("decisionNumber", c.decisionNumber());
        facts.put("decidedOn", c.decidedOn().toString());
        facts.put("authority", c.authority());
        return facts;
    }

    /**
     * The unsigned body of a statement; {@code null} values are left out.
     *
     * @param status the certificate's status once this statement holds ({@code VALID} after an issue or
     *     reinstatement)
     * @param on the day it takes effect (issue date, decision date of a change)
     * @param details the statement's own facts ({@code certificate}, {@code decisionNumber}, {@code ground}, …)
     */
    static String body(
            int seq,
            Type type,
            String number,
            String keyId,
            @Nullable String previousContent,
            CertificateStatus status,
            LocalDate on,
            Map<String, @Nullable Object> details) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("format", FORMAT);
        body.put("seq", seq);
        body.put("type", type.name());
        body.put("number", number);
        body.put("keyId", keyId);
        if (previousContent != null) {
            body.put("previous", hash(previousContent));
        }
        body.put("status", status.name());
        body.put("on", on.toString());
        details.forEach((key, value) -> {
            if (value != null) {
                body.put(key, value);
            }
        });
        return canonical(body);
    }

    /** RFC 8785 canonical JSON of a map of strings, integers, booleans and nested maps. */
    static String canonical(Object json) {
        return canonicalJson(JSON.writeValueAsString(json));
    }

    /** The same JSON, canonical: what a statement's parsed part is compared as. */
    static String canonicalJson(String json) {
        try {
            return new JsonCanonicalizer(json).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }

    /** SHA-256 of a statement's content, base64url: what the next statement names as {@code previous}. */
    static String hash(String content) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] bytes() {
        return content.getBytes(StandardCharsets.UTF_8);
    }

    /** The content read back as JSON. */
    tools.jackson.databind.JsonNode json() {
        return JSON.readTree(content);
    }
}
