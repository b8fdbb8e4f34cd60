package vn.ocop.product.spreadsheet;

import java.io.OutputStream;
import java.util.Arrays;
import java.util.List;
import org.dhatim.fastexcel.Worksheet;
import vn.ocop.producer.LegalType;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.Classification;

/**
 * The layout shared by the import template and the exports: the headers of {@link RegistryColumn} in order, code
 * columns formatted as text (so {@code 0312345678} keeps its zero), and in the template dropdowns for the legal type,
 * the criteria set and the certification level, fed from a "Danh mục" sheet. An export can thus be imported again.
 */
final class RegistryWorkbook {

    static final String LISTS_SHEET = "Danh mục";
    private static final int TEMPLATE_ROWS = 5_000;

    private RegistryWorkbook() {}

    static List<String> headers() {
        return Arrays.stream(RegistryColumn.values())
                .map(RegistryColumn::templateHeader)
                .toList();
    }

    static List<Integer> textColumns() {
        return List.of(
                RegistryColumn.TAX_CODE.ordinal(),
                RegistryColumn.PHONE.ordinal(),
                RegistryColumn.PROVINCE.ordinal(),
                RegistryColumn.LEGACY_DISTRICT.ordinal(),
                RegistryColumn.COMMUNE.ordinal(),
                RegistryColumn.OCOP_CODE.ordinal(),
                RegistryColumn.CERTIFICATE_NUMBER.ordinal(),
                RegistryColumn.ISSUED_ON.ordinal(),
                RegistryColumn.EXPIRES_ON.ordinal());
    }

    static List<Integer> widths() {
        return List.of(
                16, 32, 18, 22, 14, 24, 28, 20, 18, 24, 12, 28, 12, 16, 10, 10, 36, 36, 12, 40, 20, 14, 14, 22, 10, 22,
                14, 14, 14, 36);
    }

    /** A writer with the header row; {@code template}: code columns of the first rows pre-formatted as text. */
    static SheetWriter open(SpreadsheetFormat format, OutputStream out, boolean template) {
        SheetWriter writer = SheetWriter.open(format, out, SpreadsheetReader.DATA_SHEET);
        writer.header(headers(), template ? textColumns() : List.of(), widths());
        return writer;
    }

    static String criteriaSetLabel(int setNo, String name) {
        return setNo + " - " + name;
    }

    static void writeTemplate(
            SpreadsheetFormat format,
            OutputStream out,
            List<Classification.CriteriaSetInfo> sets,
            List<Classification.LegacyClass> legacyClasses) {
        try (SheetWriter writer = open(format, out, true)) {
            SheetWriter.Xlsx xlsx = writer.xlsx();
            if (xlsx == null) {
                return;
            }
            Worksheet lists = xlsx.newSheet(LISTS_SHEET);
            lists.value(0, 0, "Loại hình chủ thể");
            lists.value(0, 1, "Bộ tiêu chí");
            lists.value(0, 2, "Cấp công nhận");
            lists.value(0, 3, "Mã phân loại cũ (1048)");
            lists.range(0, 0, 0, 3).style().bold().set();
            LegalType[] types = LegalType.values();
            for (int i = 0; i < types.length; i++) {
                lists.value(i + 1, 0, RowValidator.LEGAL_TYPE_LABELS.get(types[i]));
            }
            for (int i = 0; i < sets.size(); i++) {
                lists.value(
                        i + 1,
                        1,
                        criteriaSetLabel(sets.get(i).setNo(), sets.get(i).setName()));
            }
            lists.value(1, 2, RowValidator.LEVEL_LABELS.get(CertificationLevel.PROVINCE));
            lists.value(2, 2, RowValidator.LEVEL_LABELS.get(CertificationLevel.CENTRAL));
            for (int i = 0; i < legacyClasses.size(); i++) {
                lists.value(
                        i + 1,
                        3,
                        legacyClasses.get(i).code() + " - "
                                + legacyClasses.get(i).name());
            }
            lists.width(0, 20);
            lists.width(1, 60);
            lists.width(2, 16);
            lists.width(3, 40);
            dropdown(xlsx, RegistryColumn.LEGAL_TYPE, lists.range(1, 0, types.length, 0));
            dropdown(xlsx, RegistryColumn.CRITERIA_SET, lists.range(1, 1, sets.size(), 1));
            dropdown(xlsx, RegistryColumn.LEVEL, lists.range(1, 2, 2, 2));
            dropdown(xlsx, RegistryColumn.LEGACY_CLASS, lists.range(1, 3, legacyClasses.size(), 3));
        }
    }

    private static void dropdown(SheetWriter.Xlsx xlsx, RegistryColumn column, org.dhatim.fastexcel.Range source) {
        xlsx.sheet
                .range(1, column.ordinal(), TEMPLATE_ROWS, column.ordinal())
                .validateWithList(source)
                .allowBlank(true)
                .showErrorMessage(true)
                .errorTitle(column.header())
                .error("Chọn một giá trị trong danh sách.");
    }
}
