package vn.ocop.shared.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Renders a Thymeleaf template (XHTML, under {@code templates/pdf/}) to a PDF with Noto Sans embedded, so Vietnamese
 * text renders the same on every machine. Templates must be well-formed XML: openhtmltopdf parses them strictly.
 */
@Component
public class PdfDocuments {

    /** The embedded font family name templates use in their CSS. */
    public static final String FONT_FAMILY = "Noto Sans";

    private final ITemplateEngine templates;

    PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * @param template template name, e.g. {@code pdf/council-minutes}
     * @throws UncheckedIOException when the PDF cannot be written (a bug, not a user error)
     */
    public byte[] render(String template, Map<String, Object> model, Locale locale) {
        Context context = new Context(locale, model);
        String html = templates.process(template, context);
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(
                    () -> font("NotoSans-Regular.ttf"), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(
                    () -> font("NotoSans-Bold.ttf"), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream font(String name) {
        InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("missing font " + name);
        }
        return in;
    }
}
