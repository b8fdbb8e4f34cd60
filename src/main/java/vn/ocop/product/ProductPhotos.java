package vn.ocop.product;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.io.FileSystemResource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.PhotoImages.Checked;
import vn.ocop.product.PhotoImages.Format;
import vn.ocop.product.ProductPhotoEvents.ProductPhotoAdded;
import vn.ocop.product.ProductPhotoEvents.ProductPhotoRemoved;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.db.DatabaseErrors;
import vn.ocop.shared.storage.FileContents;
import vn.ocop.shared.storage.FileStore;

/**
 * Photos of a product: upload, list, serve, remove. Whoever may change a product may add and remove its photos;
 * whoever may see it may see them (unknown product {@code PRO-001} 404, another jurisdiction 403).
 *
 * <p>An upload is checked before anything is stored: JPEG or PNG by its magic bytes ({@code PRO-009}), at most
 * {@code ocop.storage.max-photo-bytes} ({@code PRO-010}), decodes completely ({@code PRO-011}), at most 8000
 * pixels per side ({@code PRO-015}), not already a photo of the product ({@code PRO-012}), at most 10
 * photos ({@code PRO-013}). The decoding runs outside the database transaction; the files are written
 * inside it and removed again if it rolls back, so a photo is stored completely or not at all.
 */
@Service
@EnableConfigurationProperties(PhotoSettings.class)
public class ProductPhotos {

    public static final int MAX_PHOTOS = 10;
    public static final int MAX_SIDE = 8000;
    /** At most 40 megapixels (8000 × 5000): an 8000 × 8000 picture would take some 200 MB to decode. */
    public static final long MAX_PIXELS = 40_000_000;

    public static final int THUMBNAIL_SIDE = 320;

    private final ProductRepository products;
    private final ProductPhotoRepository photos;
    private final FileStore files;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final PhotoSettings settings;

    ProductPhotos(
            ProductRepository products,
            ProductPhotoRepository photos,
            FileStore files,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            JdbcClient jdbc,
            PlatformTransactionManager transactions,
            Clock clock,
            PhotoSettings settings) {
        this.products = products;
        this.photos = photos;
        this.files = files;
        this.policy = policy;
        this.events = events;
        this.jdbc = jdbc;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.settings = settings;
    }

    /**
     * Adds a photo. {@code fileName} is the uploader's name, kept for display only; {@code content} is read up to the
     * size limit and not closed.
     */
    public PhotoView add(long productId, String fileName, InputStream content, CurrentUser actor) {
        Product product = editable(productId, actor);
        long max = settings.maxPhotoBytes().toBytes();
        byte[] bytes = read(content, max, fileName);
        String name = cleanFileName(fileName);
        if (bytes.length > max) {
            throw new OcopException(
                    PhotoError.TOO_LARGE, name, settings.maxPhotoBytes().toMegabytes());
        }
        Format format =
                PhotoImages.sniff(bytes).orElseThrow(() -> new OcopException(PhotoError.UNSUPPORTED_TYPE, name));
        Checked checked = PhotoImages.check(bytes, format, name, MAX_SIDE, MAX_PIXELS, THUMBNAIL_SIDE);
        String sha256 = FileContents.sha256(bytes);
        PhotoView added = transaction.execute(status -> {
            // One upload at a time per product, so the count and duplicate checks hold.
            jdbc.sql("SELECT id FROM product WHERE id = ? FOR UPDATE")
                    .param(productId)
                    .query(Long.class)
                    .single();
            if (photos.countByProductId(productId) >= MAX_PHOTOS) {
                throw new OcopException(PhotoError.TOO_MANY, MAX_PHOTOS);
            }
            if (photos.existsByProductIdAndSha256(productId, sha256)) {
                throw new OcopException(PhotoError.DUPLICATE, name);
            }
            String key = files.store(bytes, format.extension);
            String thumbnailKey = files.store(checked.thumbnail(), format.extension);
            ProductPhoto photo;
            try {
                photo = photos.saveAndFlush(new ProductPhoto(
                        productId,
                        name,
                        format.contentType,
                        bytes.length,
                        checked.width(),
                        checked.height(),
                        sha256,
                        key,
                        thumbnailKey,
                        Instant.now(clock)));
            } catch (DataIntegrityViolationException e) {
                // The unique (product, sha256) index: the same photo uploaded twice at the same moment.
                if (DatabaseErrors.isUniqueViolation(e, "product_photo_product_id_sha256_key")) {
                    throw new OcopException(PhotoError.DUPLICATE, name);
                }
                throw e;
            }
            events.publishEvent(new ProductPhotoAdded(
                    productId,
                    photo.id(),
                    product.communeCode(),
                    "photo=" + photo.id() + ", file=" + name + ", " + format.contentType + ", " + bytes.length
                            + " bytes, " + checked.width() + "x" + checked.height() + ", sha256=" + sha256));
            return photo.view();
        });
        if (added == null) {
            throw new IllegalStateException("transaction returned nothing");
        }
        return added;
    }

    /** The largest accepted photo, in megabytes ({@code ocop.storage.max-photo-bytes}). */
    public long maxPhotoMegabytes() {
        return settings.maxPhotoBytes().toMegabytes();
    }

    /** Removes a photo; its files are deleted once the removal commits. */
    @Transactional
    public void remove(long productId, long photoId, CurrentUser actor) {
        Product product = editable(productId, actor);
        ProductPhoto photo = photos.findByIdAndProductId(photoId, productId)
                .orElseThrow(() -> new OcopException(PhotoError.NOT_FOUND, photoId));
        photos.delete(photo);
        photos.flush();
        files.deleteAfterCommit(photo.storageKey());
        files.deleteAfterCommit(photo.thumbnailKey());
        events.publishEvent(new ProductPhotoRemoved(
                productId,
                photoId,
                product.communeCode(),
                "photo=" + photoId + ", file=" + photo.fileName() + ", sha256=" + photo.sha256()));
    }

    /** The photos of a product the actor may see, oldest first. */
    @Transactional(readOnly = true)
    public List<PhotoView> list(long productId, CurrentUser actor) {
        viewable(productId, actor);
        return photos.findByProductIdOrderById(productId).stream()
                .map(ProductPhoto::view)
                .toList();
    }

    /** The bytes of a photo of a product the actor may see; {@code PRO-014} (404) when there is no such photo. */
    @Transactional(readOnly = true)
    public PhotoFile file(long productId, long photoId, PhotoFile.Variant variant, CurrentUser actor) {
        viewable(productId, actor);
        ProductPhoto photo = photos.findByIdAndProductId(photoId, productId)
                .orElseThrow(() -> new OcopException(PhotoError.NOT_FOUND, photoId));
        return serve(photo, variant);
    }

    /** The ids of a product's photos, oldest first, for other modules' public pages; no authorization. */
    @Transactional(readOnly = true)
    public List<Long> photoIds(long productId) {
        return jdbc.sql("SELECT id FROM product_photo WHERE product_id = ? ORDER BY id")
                .param(productId)
                .query(Long.class)
                .list();
    }

    /** The first (oldest) photo of each of these products that has one, by product id; no authorization. */
    @Transactional(readOnly = true)
    public java.util.Map<Long, Long> firstPhotoIds(java.util.Collection<Long> productIds) {
        if (productIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, Long> first = new java.util.HashMap<>();
        jdbc.sql("SELECT product_id, min(id) FROM product_photo WHERE product_id = ANY (?) GROUP BY product_id")
                .param(productIds.toArray(Long[]::new))
                .query((rs, n) -> first.put(rs.getLong(1), rs.getLong(2)))
                .list();
        return first;
    }

    /**
     * The bytes of a photo of a product another module has decided to show publicly (the catalog, for certified
     * products); {@code PRO-014} (404) when the product has no such photo. No authorization: the caller decided.
     */
    @Transactional(readOnly = true)
    public PhotoFile publishedFile(long productId, long photoId, PhotoFile.Variant variant) {
        ProductPhoto photo = photos.findByIdAndProductId(photoId, productId)
                .orElseThrow(() -> new OcopException(PhotoError.NOT_FOUND, photoId));
        return serve(photo, variant);
    }

    /**
     * The one place that turns a photo row into bytes to send, whoever is allowed to see them (officers now; the
     * public catalog later, for certified products).
     */
    private PhotoFile serve(ProductPhoto photo, PhotoFile.Variant variant) {
        boolean original = variant == PhotoFile.Variant.ORIGINAL;
        String key = original ? photo.storageKey() : photo.thumbnailKey();
        java.nio.file.Path path = files.find(key).orElseThrow(() -> {
            org.slf4j.LoggerFactory.getLogger(ProductPhotos.class)
                    .warn("Photo {} of product {}: file {} is missing", photo.id(), photo.productId(), key);
            return new OcopException(PhotoError.NOT_FOUND, photo.id());
        });
        FileSystemResource resource = new FileSystemResource(path);
        long size;
        try {
            size = resource.contentLength();
        } catch (IOException e) {
            throw new OcopException(PhotoError.NOT_FOUND, photo.id());
        }
        return new PhotoFile(
                resource,
                photo.contentType(),
                size,
                original ? photo.fileName() : "thumbnail-" + photo.fileName(),
                "\"" + photo.sha256() + (original ? "" : "-t") + "\"");
    }

    private Product viewable(long productId, CurrentUser actor) {
        Product product = find(productId);
        if (!policy.permits(actor, Action.VIEW_RECORDS, product.communeCode())
                && !policy.permitsOwnProducer(actor, product.producerId())) {
            throw OcopException.forbidden();
        }
        return product;
    }

    private Product editable(long productId, CurrentUser actor) {
        Product product = find(productId);
        if (!policy.permits(actor, Action.EDIT_RECORDS, product.communeCode())
                && !policy.permitsOwnProducer(actor, product.producerId())) {
            throw OcopException.forbidden();
        }
        return product;
    }

    private Product find(long productId) {
        return products.findById(productId)
                .orElseThrow(() -> new OcopException(ProductError.PRODUCT_NOT_FOUND, productId));
    }

    private static byte[] read(InputStream content, long max, String fileName) {
        try {
            // One byte more than allowed is enough to know it is too large; the rest is never held in memory.
            return content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
        } catch (IOException e) {
            throw new OcopException(PhotoError.CORRUPT, cleanFileName(fileName));
        }
    }

    /** The last path segment, without control characters, at most 255 characters. */
    static String cleanFileName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (name.isEmpty()) {
            name = "photo";
        }
        return name.length() > 255 ? name.substring(0, 255) : name;
    }
}
