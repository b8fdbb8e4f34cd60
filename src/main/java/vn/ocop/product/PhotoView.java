package vn.ocop.product;

import java.time.Instant;

/**
 * A product photo's metadata.
 *
 * @param fileName the uploader's file name (display only)
 * @param width width in pixels of the original
 * @param sha256 hex SHA-256 of the original bytes
 */
public record PhotoView(
        long id,
        long productId,
        String fileName,
        String contentType,
        long sizeBytes,
        int width,
        int height,
        String sha256,
        Instant createdAt) {}
