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
        return render(template, model, locale, java.time.LocalDate.of(2000, 1, 1));
    }

    /**
     * Renders reproducibly: the same template, model and date always give the same bytes (the document dates are the
     * given day, the PDF's /ID is derived from the content), so a document can be regenerated from its data and
     * compared with a copy.
     *
     * @param documentDate the date recorded as the PDF's creation and modification date, e.g. the issue date
     */
    public byte[] render(String template, Map<String, Object> model, Locale locale, java.time.LocalDate documentDate) {
        Context context = new Context(locale, model);
        String html = templates.process(template, context);
        return reproducible(html, layout(html), documentDate);
    }

    private static byte[] reproducible(String html, byte[] pdf, java.time.LocalDate documentDate) {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf);
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            java.util.Calendar date =
                    java.util.GregorianCalendar.from(documentDate.atStartOfDay(vn.ocop.shared.OcopClock.VIETNAM));
            org.apache.pdfbox.pdmodel.PDDocumentInformation info = document.getDocumentInformation();
            info.setCreationDate(date);
            info.setModificationDate(date);
            info.setProducer("OCOP Platform");
            // The renderer wrote a random /ID; drop it so the one written on save is derived from the content.
            document.getDocument().getTrailer().removeItem(org.apache.pdfbox.cos.COSName.ID);
            document.setDocumentId((long) html.hashCode());
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] layout(String html) {
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

    /** A bundled font, by file name ({@code NotoSans-Regular.ttf}). */
    static InputStream font(String name) {
        InputStream in = PdfDocuments.class.getResourceAsStream("/fonts/" + name);
        if (in == null) {
            throw new IllegalStateException("missing font " + name);
        }
        return in;
    }
}
