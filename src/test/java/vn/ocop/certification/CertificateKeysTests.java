package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The certificate key store on disk: created owner-only, rotated with old keys kept for verification, shared. */
class CertificateKeysTests {

    private static final byte[] TEXT = "{\"number\":\"82-26-ABCDE-FGHJK\"}".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path directory;

    static CertificateKeys keys(Path file, String password) {
        return new CertificateKeys(
                new CertificationProperties(
                        new CertificationProperties.Keys(file, password, false),
                        new CertificationProperties.PdfSigning(Map.of())),
                Clock.systemUTC());
    }

    @Test
    void theKeyStoreIsCreatedOnFirstUseReadableByItsOwnerOnly() throws Exception {
        Path file = directory.resolve("keys/ocop-signing.p12");
        CertificateKeys keys = keys(file, "kho-khoa-2026");
        assertThat(file).doesNotExist();

        String signature = keys.sign(keys.signingKey(), TEXT);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
                .isEqualTo("rwx------");
        assertThat(keys.verify(keys.signingKey().id(), TEXT, signature)).isTrue();
        assertThat(keys.signingKey().id()).matches("[0-9a-f]{16}");
        assertThat(keys.published().pdfCertificates())
                .singleElement()
                .satisfies(c -> assertThat(c.authority()).isEqualTo("PLATFORM"));
    }

    @Test
    void afterARotationOldSignaturesStillVerifyAndOnlyTheNewKeySigns() {
        Path file = directory.resolve("ocop-signing.p12");
        CertificateKeys keys = keys(file, "");
        CertificateKeys.StatementKey first = keys.signingKey();
        String old = keys.sign(first, TEXT);

        String second = keys.rotate();

        assertThat(second).isNotEqualTo(first.id());
        assertThat(keys.signingKey().id()).isEqualTo(second);
        assertThat(keys.verify(first.id(), TEXT, old)).isTrue();
        assertThat(keys.published().statementKeys())
                .extracting(PublishedKeys.StatementKey::keyId, PublishedKeys.StatementKey::active)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(second, true),
                        org.assertj.core.groups.Tuple.tuple(first.id(), false));
        // Another node reading the same file: the old key verifies, but it holds no private key any more.
        CertificateKeys otherNode = keys(file, "");
        assertThat(otherNode.verify(first.id(), TEXT, old)).isTrue();
        assertThat(otherNode.signingKey().id()).isEqualTo(second);
        assertThatThrownBy(() -> otherNode.sign(
                        new CertificateKeys.StatementKey(first.id(), first.publicKey(), null, first.since()), TEXT))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNodeLearnsOfAKeyRotatedByAnotherNodeWhenASignatureNamesIt() {
        Path file = directory.resolve("shared.p12");
        CertificateKeys thisNode = keys(file, "pw");
        thisNode.signingKey();
        CertificateKeys otherNode = keys(file, "pw");
        String rotated = otherNode.rotate();
        String signature = otherNode.sign(otherNode.signingKey(), TEXT);

        assertThat(thisNode.verify(rotated, TEXT, signature)).isTrue();
    }

    @Test
    void aKeyTakenOverFromTheDatabaseSignsInANewStoreAndIsKeptForVerificationInAnExistingOne() throws Exception {
        KeyPair legacy = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        CertificateKeys fresh = keys(directory.resolve("fresh.p12"), "");
        String id = fresh.adopt(legacy);
        assertThat(fresh.adopt(legacy)).isEqualTo(id);
        assertThat(fresh.signingKey().id()).isEqualTo(id);
        assertThat(fresh.published().statementKeys()).hasSize(1);

        CertificateKeys existing = keys(directory.resolve("existing.p12"), "");
        String own = existing.signingKey().id();
        existing.adopt(legacy);
        assertThat(existing.signingKey().id()).isEqualTo(own);
        assertThat(existing.published().statementKeys())
                .extracting(PublishedKeys.StatementKey::keyId)
                .containsExactly(own, id);
    }

    @Test
    void aWrongPasswordOrAMissingRequiredOneStopsTheStart() {
        Path file = directory.resolve("ocop-signing.p12");
        keys(file, "right").signingKey();
        assertThatThrownBy(() -> keys(file, "wrong").signingKey())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ocop.certification.keys.password");
        assertThatThrownBy(() -> new CertificateKeys(
                        new CertificationProperties(
                                new CertificationProperties.Keys(file, "", true),
                                new CertificationProperties.PdfSigning(Map.of())),
                        Clock.systemUTC()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("OCOP_KEYSTORE_PASSWORD");
        assertThatThrownBy(() -> keys(file, "mật khẩu"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ASCII");
    }
}
