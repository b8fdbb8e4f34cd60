package vn.ocop.certification;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.shared.pdf.PdfDocuments;

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
        model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(qr(verificationUrl(c))));
        return pdf.render("pdf/certificate", model, Locale.forLanguageTag("vi"));
    }

    static byte[] qr(String content) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            360,
                            360,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 1));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("content does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
