package vn.ocop.security;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;
import org.springframework.mock.web.MockMultipartFile;

/** Small, valid files for multipart rows ({@code files: {file: png}}); images differ on every call. */
public final class Samples {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private Samples() {}

    static MockMultipartFile file(String part, String type) {
        return switch (type) {
            case "png" -> new MockMultipartFile(part, "anh.png", "image/png", image("png"));
            case "jpeg" -> new MockMultipartFile(part, "anh.jpg", "image/jpeg", image("jpeg"));
            case "pdf" -> new MockMultipartFile(part, "giay-to.pdf", "application/pdf", pdf());
            case "csv" -> new MockMultipartFile(part, "nhap.csv", "text/csv", csv());
            case "text" ->
                new MockMultipartFile(
                        part, "ghi-chu.txt", "text/plain", "không phải ảnh".getBytes(StandardCharsets.UTF_8));
            case "empty" -> new MockMultipartFile(part, "rong.png", "image/png", new byte[0]);
            default -> throw new IllegalArgumentException("unknown sample file type '" + type + "'");
        };
    }

    public static byte[] image(String format) {
        int n = SEQUENCE.incrementAndGet();
        BufferedImage image = new BufferedImage(24, 16, BufferedImage.TYPE_INT_RGB);
        image.setRGB(n % 24, (n / 24) % 16, new Color(n * 37 % 256, n * 91 % 256, n * 13 % 256).getRGB());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** A minimal one-page PDF, different on every call. */
    public static byte[] pdf() {
        String text = "%PDF-1.4\n1 0 obj <</Type/Catalog/Pages 2 0 R>> endobj\n"
                + "2 0 obj <</Type/Pages/Kids[3 0 R]/Count 1>> endobj\n"
                + "3 0 obj <</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>> endobj\n"
                + "% matrix " + SEQUENCE.incrementAndGet() + "\ntrailer <</Root 1 0 R>>\n%%EOF\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** A spreadsheet with one row that cannot be imported (no such commune): staged as REJECTED, nothing applied. */
    static byte[] csv() {
        return ("Mã số thuế,Tên chủ thể\n0000000000,Không có\n").getBytes(StandardCharsets.UTF_8);
    }
}
