package vn.ocop.shared.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Uploaded files (product photos today; dossier attachments and evidence later) on the local disk, under
 * {@code ocop.storage.directory}. Metadata (owner, type, size, SHA-256) belongs in PostgreSQL; this class only keeps
 * bytes under opaque keys.
 *
 * <ul>
 *   <li>Keys are random ({@code 3f/3f2a…-….jpg}); a user's file name never reaches the file system.
 *   <li>A write goes to a temporary file, is flushed to disk, then atomically renamed: a reader never sees a half
 *       written file, and a failed write leaves nothing behind.
 *   <li>Inside a transaction, a stored file is deleted again if the transaction rolls back, and {@link
 *       #deleteAfterCommit} deletes only once the transaction commits: the database row and the file appear and
 *       disappear together. (A crash between the file write and the commit can leave an orphan file, never a row
 *       without its file.)
 * </ul>
 *
 * Failures are {@link FileStoreException} (a server fault, 500).
 */
@Component
@EnableConfigurationProperties(StorageProperties.class)
public class FileStore {

    private static final Logger log = LoggerFactory.getLogger(FileStore.class);
    private static final Pattern KEY =
            Pattern.compile("[0-9a-f]{2}/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\\.[a-z0-9]{1,8}");
    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");

    private final Path root;

    public FileStore(StorageProperties properties) {
        this.root = properties.directory().toAbsolutePath().normalize();
    }

    /**
     * Stores the bytes under a new key with the given extension ({@code jpg}, {@code png}, …: lower-case letters and
     * digits only) and returns the key.
     */
    public String store(byte[] content, String extension) {
        return store(new java.io.ByteArrayInputStream(content), extension);
    }

    /** Like {@link #store(byte[], String)}, copying from a stream (which is not closed). */
    public String store(InputStream content, String extension) {
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException("Bad extension: " + extension);
        }
        String id = UUID.randomUUID().toString();
        String key = id.substring(0, 2) + "/" + id + "." + extension;
        Path target = resolve(key);
        Path temp = null;
        try {
            Path tempDirectory = Files.createDirectories(root.resolve(".tmp"));
            temp = Files.createTempFile(tempDirectory, "upload-", ".part");
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            Files.createDirectories(target.getParent());
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target);
            }
            temp = null;
        } catch (IOException e) {
            throw new FileStoreException("Could not store a file under " + root, e);
        } finally {
            if (temp != null) {
                deleteQuietly(temp);
            }
        }
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status != STATUS_COMMITTED) {
                        deleteQuietly(target);
                    }
                }
            });
        }
        return key;
    }

    /** The file of a key, or empty when there is none (or the key is malformed). */
    public Optional<Path> find(String key) {
        if (!KEY.matcher(key).matches()) {
            return Optional.empty();
        }
        Path path = resolve(key);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    /**
     * Deletes the file of a key once the current transaction commits (at once without a transaction), so that a
     * rolled-back removal keeps its file. A missing file is not an error.
     */
    public void deleteAfterCommit(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("Bad key: " + key);
        }
        Path path = resolve(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    deleteQuietly(path);
                }
            });
        } else {
            deleteQuietly(path);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Bad key: " + key);
        }
        return path;
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            // Leaves an orphan file, never a dangling row; logged so an operator can clean up.
            log.warn("Could not delete {}", path, e);
        }
    }
}
