package vn.ocop.catalog;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of the public catalog. */
public enum CatalogError implements ErrorCode {
    /** No product of this id is or was in the catalog. */
    PRODUCT_NOT_FOUND("CAT-001", ErrorKind.NOT_FOUND),
    /** No producer of this id has a product in the catalog. */
    PRODUCER_NOT_FOUND("CAT-002", ErrorKind.NOT_FOUND),
    /** A search parameter is out of its range (page, size, stars, sort). */
    INVALID_QUERY("CAT-003", ErrorKind.INVALID);

    private final String code;
    private final ErrorKind kind;

    CatalogError(String code, ErrorKind kind) {
        this.code = code;
        this.kind = kind;
    }

    @Override
    public String code() {
        return code;
    }

    @Override
    public ErrorKind kind() {
        return kind;
    }
}
