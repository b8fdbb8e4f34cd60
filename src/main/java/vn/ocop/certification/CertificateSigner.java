package vn.ocop.certification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signs certificate content with Ed25519 (in the JDK). The key pair is created on first use and stored in
 * {@code signing_key}, so every app node signs with the same key; the public key is published so anyone can check a
 * certificate offline. A signature covers the certificate's {@link Certificate#signedContent() canonical content}:
 * a changed star, name or date in the database no longer matches it.
 */
@Component
class CertificateSigner {

    private static final String NAME = "certificate-ed25519";

    private final JdbcClient jdbc;
    private volatile @Nullable KeyPair keys;

    CertificateSigner(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String sign(String content) {
        try {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(keys().getPrivate());
            signer.update(content.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is part of every JDK 15+", e);
        }
    }

    boolean verify(String content, String signature) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(keys().getPublic());
            verifier.update(content.getBytes(StandardCharsets.UTF_8));
            return verifier.verify(Base64.getUrlDecoder().decode(signature));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            return false; // not base64, wrong length: not a valid signature
        }
    }

    /** The public key, X.509 DER in base64, for third parties. */
    String publicKey() {
        return Base64.getEncoder().encodeToString(keys().getPublic().getEncoded());
    }

    private KeyPair keys() {
        KeyPair pair = keys;
        if (pair == null) {
            synchronized (this) {
                pair = keys;
                if (pair == null) {
                    pair = loadOrCreate();
                    keys = pair;
                }
            }
        }
        return pair;
    }

    private KeyPair loadOrCreate() {
        try {
            KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            // Several nodes may start together: the first insert wins, everyone then reads the stored pair.
            jdbc.sql(
                            "INSERT INTO signing_key (name, private_key, public_key) VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING")
                    .params(
                            NAME,
                            Base64.getEncoder()
                                    .encodeToString(fresh.getPrivate().getEncoded()),
                            Base64.getEncoder().encodeToString(fresh.getPublic().getEncoded()))
                    .update();
            String[] stored = jdbc.sql("SELECT private_key, public_key FROM signing_key WHERE name = ?")
                    .param(NAME)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .single();
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PrivateKey privateKey = factory.generatePrivate(
                    new PKCS8EncodedKeySpec(Base64.getDecoder().decode(stored[0])));
            PublicKey publicKey = factory.generatePublic(
                    new X509EncodedKeySpec(Base64.getDecoder().decode(stored[1])));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the certificate signing key", e);
        }
    }
}
