package vn.ocop.shared.storage;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where uploaded files live.
 *
 * @param directory root directory of the {@link FileStore}; every node of a multi-node deployment must see the same
 *     directory (a shared volume), see docs/decisions/0008
 */
@ConfigurationProperties("ocop.storage")
public record StorageProperties(
        @DefaultValue("./data/files") Path directory) {}
