package vn.ocop.product.spreadsheet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Builds spreadsheet files for tests: rows in the template's column order, as xlsx or CSV bytes. */
final class Sheets {

    /** A formula cell (never evaluated by the importer). */
    record Formula(String expression) {}

    private Sheets() {}

    static List<Object> header() {
        return new ArrayList<>(RegistryWorkbook.headers());
    }

    /** A data row from column values; unset columns are empty. */
    static List<Object> row(Map<RegistryColumn, Object> values) {
        List<Object> row = new ArrayList<>(Arrays.asList(new Object[RegistryColumn.values().length]));
        values.forEach((column, value) -> row.set(column.ordinal(), value));
        return row;
    }

    /** A typical valid row: producer with the tax code, product with the name, in Phường Cao Lãnh (Đồng Tháp). */
    static Map<RegistryColumn, Object> product(String taxCode, String producer, String product) {
        Map<RegistryColumn, Object> values = new EnumMap<>(RegistryColumn.class);
        values.put(RegistryColumn.TAX_CODE, taxCode);
        values.put(RegistryColumn.PRODUCER_NAME, producer);
        values.put(RegistryColumn.LEGAL_TYPE, "Hợp tác xã");
        values.put(RegistryColumn.REPRESENTATIVE, "Nguyễn Văn Tư");
        values.put(RegistryColumn.PHONE, "0277 3851 234");
        values.put(RegistryColumn.ADDRESS, "Ấp 1");
        values.put(RegistryColumn.PROVINCE, "Đồng Tháp");
        values.put(RegistryColumn.COMMUNE, "Phường Cao Lãnh");
        values.put(RegistryColumn.PRODUCT_NAME, product);
        values.put(RegistryColumn.CRITERIA_SET, "9 - Tương, nước mắm, gia vị dạng lỏng khác");
        values.put(RegistryColumn.PACKAGING, "Chai 500 ml");
        values.put(RegistryColumn.PRICE_MIN, 85000);
        values.put(RegistryColumn.PRICE_MAX, 120000);
        values.put(RegistryColumn.LINKS, "https://shopee.vn/nuoc-mam");
        return values;
    }

    static byte[] xlsx(List<List<Object>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "test", "1.0");
            Worksheet sheet = workbook.newWorksheet("Sản phẩm");
            for (int r = 0; r < rows.size(); r++) {
                List<Object> row = rows.get(r);
                for (int c = 0; c < row.size(); c++) {
                    Object value = row.get(c);
                    if (value instanceof Formula formula) {
                        sheet.formula(r, c, formula.expression());
                    } else if (value instanceof Number number) {
                        sheet.value(r, c, number);
                    } else if (value instanceof LocalDate date) {
                        sheet.value(r, c, date);
                        sheet.style(r, c).format("dd/mm/yyyy").set();
                    } else if (value != null) {
                        sheet.value(r, c, value.toString());
                    }
                }
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] csv(List<List<Object>> rows, boolean bom) {
        String text = rows.stream()
                .map(row -> row.stream()
                        .map(v -> v == null ? "" : "\"" + v.toString().replace("\"", "\"\"") + "\"")
                        .collect(Collectors.joining(",")))
                .collect(Collectors.joining("\r\n"));
        return ((bom ? "\uFEFF" : "") + text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
