package vn.ocop.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.jspecify.annotations.Nullable;

/** A photo of a product: metadata here, the bytes (original and thumbnail) in the file store under random keys. */
@Entity
@Table(name = "product_photo")
class ProductPhoto {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private @Nullable Long id;

    @Column(name = "product_id")
    private long productId;

    /** The uploader's file name, for display and downloads only; never used as a path. */
    @Column(name = "file_name")
    private String fileName = "";

    @Column(name = "content_type")
    private String contentType = "";

    @Column(name = "size_bytes")
    private long sizeBytes;

    private int width;
    private int height;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(length = 64)
    private String sha256 = "";

    @Column(name = "storage_key")
    private String storageKey = "";

    @Column(name = "thumbnail_key")
    private String thumbnailKey = "";

    @Column(name = "created_at")
    private Instant createdAt = Instant.EPOCH;

    protected ProductPhoto() {}

    ProductPhoto(
            long productId,
            String fileName,
            String contentType,
            long sizeBytes,
            int width,
            int height,
            String sha256,
            String storageKey,
            String thumbnailKey,
            Instant createdAt) {
        this.productId = productId;
        this.fileName = fileName;
        this.contentType = contentType;
        this.sizeBytes = sizeBytes;
        this.width = width;
        this.height = height;
        this.sha256 = sha256;
        this.storageKey = storageKey;
        this.thumbnailKey = thumbnailKey;
        this.createdAt = createdAt;
    }

    long id() {
        return Objects.requireNonNull(id, "not saved yet");
    }

    long productId() {
        return productId;
    }

    String fileName() {
        return fileName;
    }

    String contentType() {
        return contentType;
    }

    String sha256() {
        return sha256;
    }

    String storageKey() {
        return storageKey;
    }

    String thumbnailKey() {
        return thumbnailKey;
    }

    long sizeBytes() {
        return sizeBytes;
    }

    PhotoView view() {
        return new PhotoView(id(), productId, fileName, contentType, sizeBytes, width, height, sha256, createdAt);
    }
}
