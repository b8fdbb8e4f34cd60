package vn.ocop.product;

import vn.ocop.shared.ErrorCode;
import vn.ocop.shared.ErrorKind;

/** Errors of product photos (uploading, serving, removing). */
public enum PhotoError implements ErrorCode {
    /** Neither JPEG nor PNG by its first bytes (the file name and the client's content type are not trusted). */
    UNSUPPORTED_TYPE("PRO-009", ErrorKind.INVALID),
    /** Larger than {@code ocop.storage.max-photo-bytes}. */
    TOO_LARGE("PRO-010", ErrorKind.TOO_LARGE),
    /** Looks like JPEG/PNG but does not decode completely (truncated, corrupt, unsupported colour model). */
    CORRUPT("PRO-011", ErrorKind.INVALID),
    /** The same picture (same SHA-256) is already a photo of this product. */
    DUPLICATE("PRO-012", ErrorKind.CONFLICT),
    /** The product already has the maximum number of photos. */
    TOO_MANY("PRO-013", ErrorKind.CONFLICT),
    /** No such photo of this product. */
    NOT_FOUND("PRO-014", ErrorKind.NOT_FOUND),
    /** Wider or taller than allowed (guards against decompression bombs). */
    DIMENSIONS("PRO-015", ErrorKind.INVALID),
    /** More pixels than decoding may cost (width × height from the header). */
    PIXELS("PRO-016", ErrorKind.INVALID);

    private final String code;
    private final ErrorKind kind;

    PhotoError(String code, ErrorKind kind) {
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
