package vn.ocop.shared.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The PDFs' text layer says what the page shows: search, copy and paste, and screen readers read it. */
class PdfDocumentsTests {

    private static PdfDocuments documents() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        return new PdfDocuments(engine);
    }

    @Test
    void everyLetterPrintedIsInTheTextLayerLigatureOrNot() throws IOException {
        // Words a font may draw with a ligature (fi, fl, ff, ffi, ti, tt, ft), in both languages and both weights.
        String title = "Certificate of official affiliation: fifty fluffy gifts, often";
        String product = "Thời hạn hiệu lực — Nước mắm Phú Quốc — Mứt gừng Affinity";
        byte[] pdf = documents()
                .render(
                        "pdf/demo-evidence",
                        Map.of("title", title, "product", product, "dossier", "Hồ sơ efficacy", "producer", "HTX Tiền"),
                        Locale.forLanguageTag("vi"));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains(title)
                    .contains(product)
                    .contains("Hồ sơ efficacy")
                    .contains("HTX Tiền");
        }
    }

    /**
     * The bundled fonts have no GSUB table (decision 0035: with it PDFBox compiled a pattern for every piece of text
     * and a page took six times as long) and still draw every Vietnamese letter with a glyph of its own.
     */
    @Test
    void theBundledFontsHaveNoGsubTableAndAGlyphForEveryVietnameseLetter() throws IOException {
        String lower = "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệghiìíỉĩịklmnoòóỏõọôồốổỗộơờớởỡợpqrstuùúủũụưừứửữựvxyỳýỷỹỵ";
        String letters = lower + lower.toUpperCase(Locale.ROOT);
        for (String name : java.util.List.of("NotoSans-Regular.ttf", "NotoSans-Bold.ttf")) {
            try (java.io.InputStream in = PdfDocuments.font(name);
                    org.apache.fontbox.ttf.TrueTypeFont font = new org.apache.fontbox.ttf.TTFParser()
                            .parse(new org.apache.pdfbox.io.RandomAccessReadBuffer(in))) {
                assertThat(font.getTableMap()).as(name).doesNotContainKey("GSUB");
                org.apache.fontbox.ttf.CmapLookup cmap = font.getUnicodeCmapLookup();
                assertThat(letters.codePoints().filter(c -> cmap.getGlyphId(c) == 0))
                        .as(name + ": letters without a glyph")
                        .isEmpty();
            }
        }
    }
}
