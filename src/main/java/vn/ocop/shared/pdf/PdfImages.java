package vn.ocop.shared.pdf;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * Pictures for PDF documents: QR codes (ZXing) and star ratings drawn as gold stars (a picture, so no font needs the ★
 * glyph). PNG bytes, or data URIs that templates put in {@code <img src>}.
 */
public final class PdfImages {

    private PdfImages() {}

    /**
     * A QR code (error correction M) as a PNG of {@code pixels} × {@code pixels}, with a quiet zone of {@code margin}
     * modules.
     *
     * @throws IllegalArgumentException when the content does not fit a QR code
     */
    public static byte[] qr(String content, int pixels, int margin) {
        try {
            BitMatrix matrix = new QRCodeWriter()
                    .encode(
                            content,
                            BarcodeFormat.QR_CODE,
                            pixels,
                            pixels,
                            Map.of(
                                    EncodeHintType.ERROR_CORRECTION,
                                    ErrorCorrectionLevel.M,
                                    EncodeHintType.MARGIN,
                                    margin));
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", png);
            return png.toByteArray();
        } catch (WriterException e) {
            throw new IllegalArgumentException("content does not fit a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code count} gold five-pointed stars in a row, 120 pixels each. */
    public static byte[] stars(int count) {
        int size = 120;
        BufferedImage image = new BufferedImage(size * Math.max(1, count), size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(0xC9, 0x8A, 0x00));
            for (int s = 0; s < count; s++) {
                Path2D star = new Path2D.Double();
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
            ImageIO.write(image, "PNG", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return png.toByteArray();
    }

    /** A PNG as a {@code data:} URI for an {@code <img>} of a PDF template. */
    public static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
