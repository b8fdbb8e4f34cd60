package vn.ocop.certification;

import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the keys that sign certificates live (never in the database; see docs/decisions/0016).
 *
 * @param keys the platform's key store: the Ed25519 keys of the signed statements and, unless an authority's own
 *     certificate is configured, the self-signed certificate that signs the PDFs
 * @param pdfSigning the issuing authorities' own certificates for the PDF signature
 */
@ConfigurationProperties("ocop.certification")
record CertificationProperties(
        @DefaultValue Keys keys, @DefaultValue PdfSigning pdfSigning) {

    /**
     * @param keystore the PKCS#12 file; created on first start (directory 0700, file 0600) when missing
     * @param password the key store's password; blank means the file's permissions are its only protection
     * @param requirePassword refuse to start with a blank password ({@code prod} profile)
     */
    record Keys(
            @DefaultValue("./data/keys/ocop-signing.p12") Path keystore,
            @DefaultValue("") String password,
            @DefaultValue("false") boolean requirePassword) {}

    /**
     * @param authorities the PKCS#12 of an issuing authority's signing certificate, by authority: {@code CENTRAL} for
     *     the ministry's (5★) certificates, a province code (e.g. {@code 82}) for that province's; an authority
     *     without an entry signs with the platform's self-signed certificate
     */
    record PdfSigning(@DefaultValue Map<String, Authority> authorities) {}

    /**
     * @param keystore PKCS#12 file with the private key and its certificate chain
     * @param password its password
     * @param alias the entry to use; the first private key entry when blank
     */
    record Authority(
            Path keystore,
            @DefaultValue("") String password,
            @Nullable String alias) {}
}
