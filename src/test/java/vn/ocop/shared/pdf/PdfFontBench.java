package vn.ocop.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Not a test: the benchmark behind bench/pdf-fonts.sh. Renders one Vietnamese page set (forty criteria of a
 * self-assessment, in bold and regular) with the fonts the application bundles and with the same fonts as Debian ships
 * them (with their GSUB table), interleaved, and prints both times and their ratio.
 *
 * <p>Arguments: the directory of the bundled fonts, the directory of the reference fonts, the rounds (default 20).
 */
public final class PdfFontBench {

    private PdfFontBench() {}

    public static void main(String[] args) throws Exception {
        Path bundled = Path.of(args[0]);
        Path reference = Path.of(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        String html = page();
        for (int i = 0; i < 5; i++) { // warm-up of both
            render(html, bundled);
            render(html, reference);
        }
        long withBundled = 0;
        long withReference = 0;
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            render(html, bundled);
            withBundled += System.nanoTime() - t;
            t = System.nanoTime();
            render(html, reference);
            withReference += System.nanoTime() - t;
        }
        System.out.printf(
                "pdf-fonts: %d renders each, interleaved; bundled fonts %.1f ms per render, reference fonts %.1f ms;"
                        + " reference / bundled = %.2f%n",
                rounds, withBundled / 1e6 / rounds, withReference / 1e6 / rounds, (double) withReference / withBundled);
    }

    private static String page() {
        StringBuilder html = new StringBuilder(
                "<html><head><style>body{font-family:'Noto Sans';font-size:10pt} b{font-weight:700}</style></head><body>");
        for (int i = 1; i <= 40; i++) {
            html.append("<p><b>Tiêu chí ")
                    .append(i)
                    .append(": Tổ chức sản xuất, liên kết chuỗi giá trị</b> — Có liên kết chuỗi giá trị với nguồn")
                    .append(" nguyên liệu ổn định; sản phẩm được tiêu thụ ở thị trường trong tỉnh và ngoài tỉnh, đạt")
                    .append(" tiêu chuẩn an toàn thực phẩm. Điểm: 3 / 5. Chủ thể: Hợp tác xã Nước mắm Phú Quốc,")
                    .append(" Phường Cao Lãnh, Tỉnh Đồng Tháp.</p>");
        }
        return html.append("</body></html>").toString();
    }

    private static byte[] render(String html, Path fonts) throws IOException {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(
                    () -> open(fonts.resolve("NotoSans-Regular.ttf")),
                    "Noto Sans",
                    400,
                    PdfRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(
                    () -> open(fonts.resolve("NotoSans-Bold.ttf")),
                    "Noto Sans",
                    700,
                    PdfRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        }
    }

    private static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
