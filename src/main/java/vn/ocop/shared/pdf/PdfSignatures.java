package vn.ocop.shared.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.util.GregorianCalendar;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import vn.ocop.shared.OcopClock;

/**
 * Signs a PDF the way PDF readers check it: a PAdES baseline signature (ISO 32000 {@code ETSI.CAdES.detached}, a CMS
 * SignedData over the file's byte range, SHA-256, with the signer's certificate and an ESS signing-certificate-v2
 * attribute), appended as an incremental update so the signed document's own bytes stay as they were. PDFBox writes
 * the signature dictionary and byte range; BouncyCastle builds the CMS.
 *
 * <p>Reproducible: the CMS carries no signing-time attribute (PAdES puts the time in the signature dictionary, from
 * {@code signedAt}), and RSA PKCS#1 v1.5 signatures are deterministic, so the same document, identity and time always
 * give the same bytes.
 */
public final class PdfSignatures {

    /** Room reserved for the CMS: a 4096-bit RSA signature with a chain of three certificates fits easily. */
    private static final int SIGNATURE_SIZE = 24 * 1024;

    private PdfSignatures() {}

    /**
     * What the signature dictionary says besides the signature itself.
     *
     * @param reason e.g. "Giấy chứng nhận sản phẩm OCOP số …"
     * @param location e.g. the issuing province
     * @param signedAt the signing time written as {@code /M}
     */
    public record Details(String reason, String location, Instant signedAt) {}

    /** Returns {@code pdf} with a PAdES signature of {@code identity} appended. */
    public static byte[] sign(byte[] pdf, SigningIdentity identity, Details details) {
        Calendar signedAt = GregorianCalendar.from(details.signedAt().atZone(OcopClock.VIETNAM));
        try (PDDocument document = Loader.loadPDF(pdf);
                SignatureOptions options = new SignatureOptions();
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096)) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(PDSignature.SUBFILTER_ETSI_CADES_DETACHED);
            signature.setName(identity.name());
            signature.setReason(details.reason());
            signature.setLocation(details.location());
            signature.setSignDate(signedAt);
            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            // The trailer's second /ID of an incremental update is derived from this instead of the clock.
            document.setDocumentId(
                    31L * java.util.Arrays.hashCode(pdf) + details.signedAt().toEpochMilli());
            document.addSignature(signature, content -> cms(content, identity), options);
            document.saveIncremental(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] cms(InputStream content, SigningIdentity identity) throws IOException {
        try {
            X509Certificate certificate = identity.certificate();
            String algorithm = switch (identity.privateKey().getAlgorithm()) {
                case "RSA" -> "SHA256withRSA";
                case "EC" -> "SHA256withECDSA";
                default ->
                    throw new IllegalArgumentException("PDF readers check RSA and ECDSA signatures, not "
                            + identity.privateKey().getAlgorithm());
            };
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(
                    new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                            .setSignedAttributeGenerator(padesAttributes(certificate))
                            .build(new JcaContentSignerBuilder(algorithm).build(identity.privateKey()), certificate));
            generator.addCertificates(new JcaCertStore(identity.chain()));
            CMSSignedData signed = generator.generate(new StreamedContent(content.readAllBytes()), false);
            return signed.toASN1Structure().getEncoded(ASN1Encoding.DER);
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("cannot sign the PDF", e);
        }
    }

    /**
     * Content type, message digest and ESS signing-certificate-v2, and nothing else: no signing time (PAdES baseline
     * forbids it; the time is the dictionary's {@code /M}).
     */
    private static CMSAttributeTableGenerator padesAttributes(X509Certificate certificate)
            throws CertificateEncodingException, GeneralSecurityException {
        byte[] certificateHash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(
                new GeneralNames(new GeneralName(X500Name.getInstance(
                        certificate.getIssuerX500Principal().getEncoded()))),
                certificate.getSerialNumber());
        Attribute signingCertificate = new Attribute(
                PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2(
                        new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certificateHash, issuerSerial))));
        return parameters -> {
            ASN1EncodableVector attributes = new ASN1EncodableVector();
            attributes.add(new Attribute(CMSAttributes.contentType, new DERSet((ASN1ObjectIdentifier)
                    parameters.get(CMSAttributeTableGenerator.CONTENT_TYPE))));
            attributes.add(new Attribute(CMSAttributes.messageDigest, new DERSet(new DEROctetString((byte[])
                    parameters.get(CMSAttributeTableGenerator.DIGEST)))));
            attributes.add(signingCertificate);
            return new AttributeTable(attributes);
        };
    }

    /** The signed byte range as CMS content (detached: only its digest goes into the signature). */
    private record StreamedContent(byte[] bytes) implements CMSTypedData {
        @Override
        public ASN1ObjectIdentifier getContentType() {
            return PKCSObjectIdentifiers.data;
        }

        @Override
        public void write(OutputStream out) throws IOException {
            out.write(bytes);
        }

        @Override
        public Object getContent() {
            return bytes;
        }
    }
}
