package vn.ocop.product;

import org.springframework.core.io.Resource;

/**
 * The bytes of a photo or its thumbnail, ready to serve.
 *
 * @param etag a strong validator: the content never changes for a given photo id and variant
 */
public record PhotoFile(Resource content, String contentType, long size, String fileName, String etag) {

    /** Which bytes of a photo. */
    public enum Variant {
        /** The uploaded file, unchanged. */
        ORIGINAL,
        /** At most {@link ProductPhotos#THUMBNAIL_SIDE} pixels on the longer side, same format. */
        THUMBNAIL
    }
}
