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
        model.put("qr", "data:image/png;base64," + Base64.getEncoder().encodeToString(qr(verificationUrl(c))));
        model.put("starsImage", "data:image/png;base64," + Base64.getEncoder().encodeToString(stars(c.star())));
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

    /** The star rating drawn as gold five-pointed stars (a picture, so no font needs the ★ glyph). */
    static byte[] stars(int count) {
        int size = 120;
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(size * count, size, java.awt.image.BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new java.awt.Color(0xC9, 0x8A, 0x00));
            for (int s = 0; s < count; s++) {
                java.awt.geom.Path2D star = new java.awt.geom.Path2D.Double();
                double cx = s * size + size / 2.0;
                double cy = size / 2.0 + 6;
                for (int i = 0; i < 10; i++) {
                    double radius = i % 2 == 0 ? size * 0.46 : size * 0.19;
                    double angle = Math.PI / 2 + i * Math.PI / 5;
                    double x = cx + radius * Math.cos(angle);
                    double y = cy - radius * Math.sin(angle);
                    if (i == 0) {
                        star.moveTo(x, y);
                    } else {
                        star.lineTo(x, y);
                    }
                }
                star.closePath();
                g.fill(star);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            javax.imageio.ImageIO.write(image, "PNG", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
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
