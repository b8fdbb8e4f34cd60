package vn.ocop.product;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of product photos.
 *
 * @param maxPhotoBytes largest accepted photo; keep it below {@code spring.servlet.multipart.max-file-size} so users
 *     get this module's precise message rather than the generic "upload too large"
 */
@ConfigurationProperties("ocop.storage")
record PhotoSettings(@DefaultValue("5MB") DataSize maxPhotoBytes) {}
