package vn.ocop.product.spreadsheet;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import vn.ocop.product.SearchFolding;

/**
 * The columns of the registry spreadsheet, in template order: one row is one product with its producer (producer
 * columns repeated on each of its products' rows). Headers are Vietnamese; a required one is marked {@code *} in the
 * template. Files may use them in any order, with or without accents, case or the {@code *}.
 */
enum RegistryColumn {
    TAX_CODE("Mã số thuế chủ thể", true, 20),
    PRODUCER_NAME("Tên chủ thể", true, 300),
    LEGAL_TYPE("Loại hình chủ thể", true, 50),
    REPRESENTATIVE("Người đại diện", false, 200),
    PHONE("Điện thoại", false, 30),
    EMAIL("Email", false, 254),
    ADDRESS("Địa chỉ (số nhà, thôn/ấp)", false, 500),
    PROVINCE("Tỉnh/Thành phố", true, 250),
    LEGACY_DISTRICT("Quận/Huyện (cũ)", false, 250),
    COMMUNE("Xã/Phường", true, 250),
    // Programme attributes of the producer (issue #14); files made before they existed still import.
    SME("Doanh nghiệp nhỏ và vừa (Có/Không)", false, 20),
    CRAFT_VILLAGE("Làng nghề (tên, hoặc Có)", false, 200),
    WOMEN_LED("Phụ nữ làm chủ (Có/Không)", false, 20),
    ETHNIC_MINORITY_AREA("Vùng đồng bào dân tộc thiểu số (Có/Không)", false, 20),
    MEMBERS("Số thành viên", false, 20),
    EMPLOYEES("Số lao động", false, 20),
    PRODUCT_NAME("Tên sản phẩm", true, 300),
    CRITERIA_SET("Bộ tiêu chí (số 1–26)", true, 400),
    LEGACY_CLASS("Mã phân loại cũ (1048)", false, 250),
    DESCRIPTION("Mô tả", false, 5000),
    PACKAGING("Quy cách đóng gói", false, 1000),
    PRICE_MIN("Giá thấp nhất (đồng)", false, 30),
    PRICE_MAX("Giá cao nhất (đồng)", false, 30),
    OCOP_CODE("Mã sản phẩm OCOP", false, 40),
    STAR("Hạng sao (1–5)", false, 10),
    CERTIFICATE_NUMBER("Số giấy chứng nhận/quyết định", false, 60),
    ISSUED_ON("Ngày cấp (dd/mm/yyyy)", false, 30),
    LEVEL("Cấp công nhận", false, 30),
    EXPIRES_ON("Ngày hết hạn (dd/mm/yyyy)", false, 30),
    LINKS("Liên kết TMĐT", false, 5000);

    /** Longest cell any column accepts; longer cells are refused before anything else is checked. */
    static final int MAX_CELL_LENGTH = 5000;

    private static final Map<String, RegistryColumn> BY_KEY = new HashMap<>();

    static {
        for (RegistryColumn column : values()) {
            BY_KEY.put(key(column.header), column);
            BY_KEY.put(key(column.header.replaceAll("\\(.*\\)", "")), column);
        }
    }

    private final String header;
    private final boolean required;
    private final int maxLength;

    RegistryColumn(String header, boolean required, int maxLength) {
        this.header = header;
        this.required = required;
        this.maxLength = maxLength;
    }

    /** The header as users see it, without the required mark. */
    String header() {
        return header;
    }

    /** The header as the template writes it: required columns end with {@code *}. */
    String templateHeader() {
        return required ? header + "*" : header;
    }

    boolean required() {
        return required;
    }

    int maxLength() {
        return maxLength;
    }

    /** Whether the column belongs to the product (blank product columns make a producer-only row). */
    boolean productColumn() {
        return ordinal() >= PRODUCT_NAME.ordinal();
    }

    /**
     * The column a header names: accents, case, spacing, punctuation and the required mark are ignored, and the part
     * in brackets may be left out ("ngay cap" is {@link #ISSUED_ON}).
     */
    static Optional<RegistryColumn> byHeader(String header) {
        return Optional.ofNullable(BY_KEY.get(key(header)));
    }

    private static String key(String header) {
        return SearchFolding.fold(header.replace('\u00a0', ' '))
                .replaceAll("[^a-z0-9]+", " ")
                .strip();
    }
}
