package vn.ocop.certification;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.shared.pdf.PdfDocuments;
import vn.ocop.shared.pdf.PdfImages;
import vn.ocop.shared.pdf.PdfSignatures;
import vn.ocop.shared.pdf.SigningIdentity;

/**
 * The printable A4 certificate: Vietnamese text in an embedded font, the star level, product and producer, validity,
 * the signature, and a QR code (ZXing) that opens the public verification page with the signature, so a forged
 * paper certificate is caught by a phone. The file itself carries a PAdES signature by the issuing authority's
 * certificate (the platform's self-signed one where the authority has none configured), which PDF readers check: a
 * changed byte breaks it.
 *
 * <p>Reproducible: the signing time is when the certificate was issued (its ISSUED statement), so the same
 * certificate always gives the same bytes while the signing certificate stays the same.
 */
@Component
class CertificatePdf {

    private final PdfDocuments pdf;
    private final AdminUnits units;
    private final CertificateKeys keys;
    private final String publicUrl;

    CertificatePdf(
            PdfDocuments pdf,
            AdminUnits units,
            CertificateKeys keys,
            @Value("${ocop.public-url:http://localhost:8080}") String publicUrl) {
        this.pdf = pdf;
        this.units = units;
        this.keys = keys;
        this.publicUrl = publicUrl;
    }

    /** The URL the QR code carries: the verification page with the signature. */
    String verificationUrl(Certificate c) {
        return UriComponentsBuilder.fromUriString(publicUrl)
                .path("/verify/{number}")
                .queryParam("s", c.signature())
                .buildAndExpand(c.number())
                .toUriString();
    }

    /**
     * @param issue the certificate's ISSUED statement: its key id is printed, its time is the signing time
     */
    byte[] render(Certificate c, CertificateStatement issue) {
        String provinceName = units.find(AdminEdition.CURRENT, c.provinceCode())
                .map(u -> u.fullName())
                .orElse(c.provinceCode());
        SigningIdentity signer = keys.pdfIdentity("CENTRAL".equals(c.level()) ? "CENTRAL" : c.provinceCode());
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put("keyId", issue.keyId());
        model.put("signer", signer.name());
        model.put("provinceName", provinceName);
        model.put(
                "communeName",
                units.find(AdminEdition.CURRENT, c.communeCode())
                        .map(u -> u.fullName())
                        .orElse(c.communeCode()));
        model.put("url", verificationUrl(c));
        model.put("qr", PdfImages.dataUri(PdfImages.qr(verificationUrl(c), 360, 1)));
        model.put("starsImage", PdfImages.dataUri(PdfImages.stars(c.star())));
        byte[] document = pdf.render("pdf/certificate", model, Locale.forLanguageTag("vi"), c.issuedOn());
        return PdfSignatures.sign(
                document,
                signer,
                new PdfSignatures.Details(
                        "Giấy chứng nhận sản phẩm OCOP số " + c.number(),
                        "CENTRAL".equals(c.level()) ? "Việt Nam" : provinceName,
                        issue.createdAt() == null
                                ? c.issuedOn()
                                        .atStartOfDay(vn.ocop.shared.OcopClock.VIETNAM)
                                        .toInstant()
                                : issue.createdAt()));
    }
}
