package vn.ocop.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A PAdES signature that a PDF reader (poppler's pdfsig) validates, reproducible, broken by one changed byte. */
class PdfSignaturesTests {

    private static SigningIdentity identity;

    @BeforeAll
    static void identity() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair pair = rsa.generateKeyPair();
        X500Name subject = new X500Name("CN=Ủy ban nhân dân tỉnh Thử,O=Thử nghiệm,C=VN");
        Instant from = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        var certificate = new JcaX509CertificateConverter()
                .getCertificate(new JcaX509v3CertificateBuilder(
                                subject,
                                BigInteger.TEN,
                                Date.from(from),
                                Date.from(from.plus(3650, ChronoUnit.DAYS)),
                                subject,
                                pair.getPublic())
                        .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        identity = new SigningIdentity(pair.getPrivate(), List.of(certificate));
    }

    private static byte[] document() throws Exception {
        try (PDDocument document = new PDDocument();
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream()) {
            document.addPage(new PDPage());
            PDDocumentInformation info = document.getDocumentInformation();
            info.setProducer("OCOP Platform");
            document.setDocumentId(42L);
            document.save(out);
            return out.toByteArray();
        }
    }

    @Test
    void aPdfReaderValidatesTheSignatureAndOneChangedByteBreaksIt() throws Exception {
        byte[] signed = PdfSignatures.sign(
                document(), identity, new PdfSignatures.Details("Thử ký", "Đồng Tháp", Instant.now()));

        String valid = Pdfsig.check(signed);
        assertThat(valid)
                .contains("Signature is Valid")
                .contains("Signer Certificate Common Name: Ủy ban nhân dân tỉnh Thử")
                .contains("ETSI.CAdES.detached")
                .contains("Total document signed");
        assertThat(Pdfsig.check(Pdfsig.withOneByteChanged(signed)))
                .doesNotContain("Signature is Valid")
                .containsAnyOf("Signature is Invalid", "Digest Mismatch");
        try (PDDocument reopened = Loader.loadPDF(signed)) {
            assertThat(reopened.getSignatureDictionaries())
                    .singleElement()
                    .satisfies(s -> assertThat(s.getReason()).isEqualTo("Thử ký"));
        }
    }

    @Test
    void theSameDocumentIdentityAndTimeGiveTheSameBytes() throws Exception {
        byte[] document = document();
        Instant at = Instant.parse("2026-01-31T03:00:00Z");
        PdfSignatures.Details details = new PdfSignatures.Details("Thử ký", "Đồng Tháp", at);
        assertThat(PdfSignatures.sign(document, identity, details))
                .isEqualTo(PdfSignatures.sign(document, identity, details));
    }
}
