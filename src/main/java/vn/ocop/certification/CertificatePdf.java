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

/**
 * The printable A4 certificate: Vietnamese text in an embedded font, the star level, product and producer, validity,
 * the signature, and a QR code (ZXing) that opens the public verification page with the signature, so a forged
 * paper certificate is caught by a phone.
 */
@Component
class CertificatePdf {

    private final PdfDocuments pdf;
    private final AdminUnits units;
    private final String publicUrl;

    CertificatePdf(
            PdfDocuments pdf, AdminUnits units, @Value("${ocop.public-url:http://localhost:8080}") String publicUrl) {
        this.pdf = pdf;
        this.units = units;
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

    byte[] render(Certificate c) {
        Map<String, Object> model = new HashMap<>();
        model.put("c", c);
        model.put(
                "provinceName",
                units.find(AdminEdition.CURRENT, c.provinceCode())
                        .map(u -> u.fullName())
                        .orElse(c.provinceCode()));
        model.put(
                "communeName",
                units.find(AdminEdition.CURRENT, c.communeCode())
                        .map(u -> u.fullName())
                        .orElse(c.communeCode()));
        model.put("url", verificationUrl(c));
        model.put("qr", PdfImages.dataUri(PdfImages.qr(verificationUrl(c), 360, 1)));
        model.put("starsImage", PdfImages.dataUri(PdfImages.stars(c.star())));
        return pdf.render("pdf/certificate", model, Locale.forLanguageTag("vi"), c.issuedOn());
    }
}
