package vn.ocop.product.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Row rules without Spring: each rule, its message key and the column it blames. */
class RowValidatorTests {

    private final LocationIndex locations = new LocationIndexTests().index;

    private final RowValidator validator = validator(code -> true);

    private static Map<RegistryColumn, Integer> allColumns() {
        Map<RegistryColumn, Integer> columns = new EnumMap<>(RegistryColumn.class);
        for (RegistryColumn c : RegistryColumn.values()) {
            columns.put(c, c.ordinal());
        }
        return columns;
    }

    private RowValidator validator(java.util.function.Predicate<String> mayEdit) {
        return validator(mayEdit, (rating, province, tax, product) -> java.util.Optional.empty());
    }

    private RowValidator validator(java.util.function.Predicate<String> mayEdit, RowValidator.RatingCheck ratings) {
        return new RowValidator(
                allColumns(),
                locations,
                Map.of(9, "Tương, nước mắm", 12, "Trà"),
                Set.of("TP", "DU"),
                mayEdit,
                ratings,
                LocalDate.of(2026, 11, 23));
    }

    @Test
    void aRatingTheImporterMayNotRecordIsAnErrorOfItsRow() {
        // A commune officer imports a 5★ row: only the central office records central-level ratings.
        vn.ocop.identity.CurrentUser commune = vn.ocop.TestUsers.communeOfficer("02280");
        Map<RegistryColumn, String> values = good();
        values.put(RegistryColumn.STAR, "5");
        values.put(RegistryColumn.CERTIFICATE_NUMBER, "77/QĐ-BNNMT");
        values.put(RegistryColumn.ISSUED_ON, "01/02/2025");
        RowValidator.Result result = check(
                validator(
                        code -> true,
                        (rating, province, tax, product) ->
                                vn.ocop.product.RatingAuthority.refusal(commune, rating, province)),
                2,
                values);
        assertThat(result.issues()).extracting(Issue::messageKey).contains("import.issue.ratingCentral");
    }

    static Map<RegistryColumn, String> good() {
        Map<RegistryColumn, String> values = new EnumMap<>(RegistryColumn.class);
        values.put(RegistryColumn.TAX_CODE, "0312345678");
        values.put(RegistryColumn.PRODUCER_NAME, "HTX Chè Hà Giang");
        values.put(RegistryColumn.LEGAL_TYPE, "Hợp tác xã");
        values.put(RegistryColumn.PROVINCE, "Tuyên Quang");
        values.put(RegistryColumn.COMMUNE, "Phường Hà Giang 1");
        values.put(RegistryColumn.PRODUCT_NAME, "Chè Shan tuyết");
        values.put(RegistryColumn.CRITERIA_SET, "12 - Trà");
        return values;
    }

    private RowValidator.Result check(RowValidator v, int row, Map<RegistryColumn, String> values) {
        List<SheetRow.Cell> cells = new ArrayList<>();
        for (RegistryColumn c : RegistryColumn.values()) {
            cells.add(SheetRow.Cell.text(values.getOrDefault(c, "")));
        }
        return v.check(new SheetRow(row, cells));
    }

    private List<String> problems(Map<RegistryColumn, String> values) {
        return check(validator(code -> true), 2, values).issues().stream()
                .map(i -> i.column() + ": " + i.messageKey().replace("import.issue.", ""))
                .toList();
    }

    @Test
    void aCompleteRowIsNormalized() {
        Map<RegistryColumn, String> values = good();
        values.put(RegistryColumn.TAX_CODE, "0312345678-001");
        values.put(RegistryColumn.LEGAL_TYPE, "hop tac xa");
        values.put(RegistryColumn.PRICE_MIN, "85.000");
        values.put(RegistryColumn.PRICE_MAX, "120000");
        values.put(RegistryColumn.STAR, "4");
        values.put(RegistryColumn.CERTIFICATE_NUMBER, "12/QĐ-UBND");
        values.put(RegistryColumn.ISSUED_ON, "1/2/2024");
        values.put(RegistryColumn.LEGACY_CLASS, "tp - Thực phẩm");
        values.put(RegistryColumn.LINKS, "https://shopee.vn/a; https://tiki.vn/b");
        RowValidator.Result result = check(validator, 2, values);
        assertThat(result.issues()).isEmpty();
        StagedRow row = result.row();
        assertThat(row.taxCode()).isEqualTo("0312345678001");
        assertThat(row.legalType()).isEqualTo("COOPERATIVE");
        assertThat(row.communeCode()).isEqualTo("00694");
        assertThat(row.criteriaSetNo()).isEqualTo(12);
        assertThat(row.legacyClass()).isEqualTo("TP");
        assertThat(row.priceMin()).isEqualByComparingTo("85000");
        assertThat(row.issuedOn()).isEqualTo("2024-02-01");
        assertThat(row.expiresOn()).as("36 months later").isEqualTo("2027-02-01");
        assertThat(row.level()).isEqualTo("PROVINCE");
        assertThat(row.links()).containsExactly("https://shopee.vn/a", "https://tiki.vn/b");
        assertThat(row.present()).contains("DESCRIPTION", "LINKS");
    }

    @Test
    void requiredValuesAndFormatsAreReportedPerColumn() {
        Map<RegistryColumn, String> values = good();
        values.remove(RegistryColumn.PRODUCER_NAME);
        values.put(RegistryColumn.TAX_CODE, "12345");
        values.put(RegistryColumn.LEGAL_TYPE, "Công ty ma");
        values.put(RegistryColumn.CRITERIA_SET, "27");
        values.put(RegistryColumn.EMAIL, "khong-phai-email");
        values.put(RegistryColumn.PHONE, "gọi tôi");
        values.put(RegistryColumn.PRICE_MIN, "-5");
        values.put(RegistryColumn.PRICE_MAX, "12,5");
        values.put(RegistryColumn.LEGACY_CLASS, "XYZ");
        values.put(RegistryColumn.LINKS, "ftp://x.vn");
        assertThat(problems(values))
                .containsExactlyInAnyOrder(
                        "Mã số thuế chủ thể: taxCode",
                        "Tên chủ thể: required",
                        "Loại hình chủ thể: legalType",
                        "Điện thoại: phone",
                        "Email: email",
                        "Bộ tiêu chí (số 1–26): criteriaSet",
                        "Mã phân loại cũ (1048): legacyClass",
                        "Giá thấp nhất (đồng): price",
                        "Giá cao nhất (đồng): price",
                        "Liên kết TMĐT: url");
    }

    @Test
    void ratingsNeedACertificateFromThreeStarsAndValidDates() {
        Map<RegistryColumn, String> values = good();
        values.put(RegistryColumn.STAR, "3");
        assertThat(problems(values)).containsExactly("Số giấy chứng nhận/quyết định: certificateRequired");
        values.put(RegistryColumn.STAR, "6");
        assertThat(problems(values)).containsExactly("Hạng sao (1–5): star");
        values.put(RegistryColumn.STAR, "2");
        assertThat(problems(values)).isEmpty();
        values.remove(RegistryColumn.STAR);
        values.put(RegistryColumn.CERTIFICATE_NUMBER, "1/QĐ");
        assertThat(problems(values)).containsExactly("Hạng sao (1–5): ratingWithoutStar");
        values.put(RegistryColumn.STAR, "5");
        values.put(RegistryColumn.ISSUED_ON, "2024-13-01");
        assertThat(problems(values)).contains("Ngày cấp (dd/mm/yyyy): date");
        values.put(RegistryColumn.ISSUED_ON, "01/01/2030");
        assertThat(problems(values)).contains("Ngày cấp (dd/mm/yyyy): dateFuture");
        values.put(RegistryColumn.ISSUED_ON, "01/01/2024");
        values.put(RegistryColumn.EXPIRES_ON, "01/01/2023");
        values.put(RegistryColumn.LEVEL, "Huyện");
        assertThat(problems(values))
                .containsExactlyInAnyOrder("Ngày hết hạn (dd/mm/yyyy): expiryBeforeIssue", "Cấp công nhận: level");
    }

    @Test
    void rowsAreComparedWithEarlierRowsOfTheFile() {
        RowValidator v = validator(code -> true);
        assertThat(check(v, 2, good()).issues()).isEmpty();
        assertThat(check(v, 3, good()).issues())
                .extracting(Issue::messageKey)
                .containsExactly("import.issue.duplicateProduct");
        Map<RegistryColumn, String> renamed = good();
        renamed.put(RegistryColumn.PRODUCER_NAME, "HTX Khác tên");
        renamed.put(RegistryColumn.PRODUCT_NAME, "Sản phẩm khác");
        assertThat(check(v, 4, renamed).issues())
                .extracting(i -> i.messageKey() + " " + i.arguments())
                .containsExactly("import.issue.producerNameConflict [0312345678, 2, HTX Chè Hà Giang]");
        Map<RegistryColumn, String> moved = good();
        moved.put(RegistryColumn.PRODUCT_NAME, "Sản phẩm thứ ba");
        moved.put(RegistryColumn.COMMUNE, "Phường Hà Giang 2");
        assertThat(check(v, 5, moved).issues())
                .extracting(i -> i.severity() + " " + i.messageKey())
                .containsExactly("WARNING import.issue.producerDetailsDiffer");
    }

    @Test
    void formulasAndOverlongCellsAreRefusedBeforeAnythingElse() {
        List<SheetRow.Cell> cells = new ArrayList<>();
        for (RegistryColumn c : RegistryColumn.values()) {
            cells.add(SheetRow.Cell.text(good().getOrDefault(c, "")));
        }
        cells.set(RegistryColumn.PRICE_MIN.ordinal(), new SheetRow.Cell("10", null, true, false));
        cells.set(RegistryColumn.DESCRIPTION.ordinal(), SheetRow.Cell.text("x".repeat(5001)));
        RowValidator.Result result = validator.check(new SheetRow(7, cells));
        assertThat(result.row()).isNull();
        assertThat(result.issues())
                .extracting(i -> i.row() + " " + i.column() + " " + i.messageKey())
                .containsExactlyInAnyOrder(
                        "7 Giá thấp nhất (đồng) import.issue.formula", "7 Mô tả import.issue.tooLong");
    }

    @Test
    void numericCellsGetTheirLeadingZerosBackAndDateCellsAreDates() {
        List<SheetRow.Cell> cells = new ArrayList<>();
        for (RegistryColumn c : RegistryColumn.values()) {
            cells.add(SheetRow.Cell.text(good().getOrDefault(c, "")));
        }
        cells.set(RegistryColumn.TAX_CODE.ordinal(), new SheetRow.Cell("312345678", null, false, true));
        cells.set(RegistryColumn.COMMUNE.ordinal(), new SheetRow.Cell("694", null, false, true));
        cells.set(RegistryColumn.STAR.ordinal(), new SheetRow.Cell("3", null, false, true));
        cells.set(RegistryColumn.CERTIFICATE_NUMBER.ordinal(), SheetRow.Cell.text("5/QĐ"));
        cells.set(
                RegistryColumn.ISSUED_ON.ordinal(), new SheetRow.Cell("45000", LocalDate.of(2023, 3, 15), false, true));
        RowValidator.Result result = validator.check(new SheetRow(2, cells));
        assertThat(result.row().taxCode()).isEqualTo("0312345678");
        assertThat(result.row().communeCode()).isEqualTo("00694");
        assertThat(result.row().issuedOn()).isEqualTo("2023-03-15");
        assertThat(result.issues()).extracting(Issue::messageKey).containsExactly("import.issue.taxCodePadded");
    }

    @Test
    void communesOutsideTheOfficersJurisdictionAreRowErrors() {
        RowValidator v = validator(code -> code.equals("00691"));
        assertThat(check(v, 2, good()).issues())
                .extracting(i -> i.messageKey() + " " + i.arguments())
                .containsExactly("import.issue.outsideJurisdiction [Phường Hà Giang 1 (00694)]");
    }

    @Test
    void aRowWithoutProductColumnsIsAProducerOnlyRow() {
        Map<RegistryColumn, String> values = good();
        values.remove(RegistryColumn.PRODUCT_NAME);
        values.remove(RegistryColumn.CRITERIA_SET);
        RowValidator.Result result = check(validator, 2, values);
        assertThat(result.issues()).isEmpty();
        assertThat(result.row().productName()).isNull();
    }

    @Test
    void headersMatchWithoutAccentsCaseOrTheBracketedPart() {
        assertThat(RegistryColumn.byHeader("MA SO THUE CHU THE*")).contains(RegistryColumn.TAX_CODE);
        assertThat(RegistryColumn.byHeader("ngày cấp")).contains(RegistryColumn.ISSUED_ON);
        assertThat(RegistryColumn.byHeader("Bộ tiêu chí (số 1–26)*")).contains(RegistryColumn.CRITERIA_SET);
        assertThat(RegistryColumn.byHeader("Quận/Huyện")).contains(RegistryColumn.LEGACY_DISTRICT);
        assertThat(RegistryColumn.byHeader("Ghi chú")).isEmpty();
    }

    @Test
    void producerAttributesAreReadAsYesNoVillageNameAndCounts() {
        Map<RegistryColumn, String> values = good();
        values.put(RegistryColumn.SME, "có");
        values.put(RegistryColumn.CRAFT_VILLAGE, "Làng nghề bánh phồng tôm Sa Giang");
        values.put(RegistryColumn.WOMEN_LED, "x");
        values.put(RegistryColumn.ETHNIC_MINORITY_AREA, "Không");
        values.put(RegistryColumn.MEMBERS, "12");
        values.put(RegistryColumn.EMPLOYEES, "1.200");
        RowValidator.Result result = check(validator, 2, values);
        assertThat(result.issues()).isEmpty();
        StagedRow row = result.row();
        assertThat(row.sme()).isTrue();
        assertThat(row.craftVillage()).isTrue();
        assertThat(row.craftVillageName()).isEqualTo("Làng nghề bánh phồng tôm Sa Giang");
        assertThat(row.womenLed()).isTrue();
        assertThat(row.ethnicMinorityArea()).isFalse();
        assertThat(row.members()).isEqualTo(12);
        assertThat(row.employees()).isEqualTo(1200);
        assertThat(row.producerPresent())
                .containsExactlyInAnyOrder(
                        "SME", "CRAFT_VILLAGE", "WOMEN_LED", "ETHNIC_MINORITY_AREA", "MEMBERS", "EMPLOYEES");

        values.put(RegistryColumn.CRAFT_VILLAGE, "Có");
        values.put(RegistryColumn.MEMBERS, "12.0");
        StagedRow flagOnly = check(validator(code -> true), 3, values).row();
        assertThat(flagOnly.craftVillage()).isTrue();
        assertThat(flagOnly.craftVillageName()).isNull();
        assertThat(flagOnly.members()).isEqualTo(12);
    }

    @Test
    void badAttributesAreBlamedOnTheirColumn() {
        Map<RegistryColumn, String> values = good();
        values.put(RegistryColumn.SME, "có lẽ");
        values.put(RegistryColumn.MEMBERS, "-3");
        values.put(RegistryColumn.EMPLOYEES, "2,5");
        assertThat(problems(values))
                .containsExactly(
                        "Doanh nghiệp nhỏ và vừa (Có/Không): yesNo", "Số thành viên: count", "Số lao động: count");
    }

    @Test
    void aFileWithoutAttributeColumnsStagesNoneAsPresent() {
        Map<RegistryColumn, Integer> columns = new EnumMap<>(RegistryColumn.class);
        int i = 0;
        for (RegistryColumn c : RegistryColumn.values()) {
            if (c.ordinal() < RegistryColumn.SME.ordinal() || c.ordinal() > RegistryColumn.EMPLOYEES.ordinal()) {
                columns.put(c, i++);
            }
        }
        RowValidator old = new RowValidator(
                columns,
                locations,
                Map.of(12, "Trà"),
                Set.of(),
                code -> true,
                (rating, province, tax, product) -> java.util.Optional.empty(),
                LocalDate.of(2026, 11, 23));
        List<SheetRow.Cell> cells = new ArrayList<>();
        Map<RegistryColumn, String> values = good();
        columns.keySet().forEach(c -> cells.add(SheetRow.Cell.text(values.getOrDefault(c, ""))));
        RowValidator.Result result = old.check(new SheetRow(2, cells));
        assertThat(result.issues()).isEmpty();
        assertThat(result.row().producerPresent()).isEmpty();
    }
}
