package vn.ocop.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** The file store on a temporary directory, with Spring's transaction synchronization driven by hand. */
class FileStoreTests {

    @TempDir
    Path root;

    @AfterEach
    void clearSynchronization() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void storesUnderRandomKeysAndFindsTheFileAgain() throws IOException {
        FileStore store = new FileStore(new StorageProperties(root));
        String first = store.store("một".getBytes(StandardCharsets.UTF_8), "jpg");
        String second = store.store("một".getBytes(StandardCharsets.UTF_8), "jpg");

        assertThat(first).matches("[0-9a-f]{2}/[0-9a-f-]{36}\\.jpg").isNotEqualTo(second);
        assertThat(Files.readString(store.find(first).orElseThrow())).isEqualTo("một");
        assertThat(files()).hasSize(2).noneMatch(path -> path.toString().endsWith(".part"));
    }

    @Test
    void refusesMalformedKeysAndExtensions() {
        FileStore store = new FileStore(new StorageProperties(root));
        assertThat(store.find("../../etc/passwd")).isEmpty();
        assertThat(store.find("ab/not-a-uuid.jpg")).isEmpty();
        assertThatThrownBy(() -> store.store(new byte[] {1}, "../x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.deleteAfterCommit("../../etc/passwd"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailedWriteLeavesNoFileBehind() throws IOException {
        FileStore store = new FileStore(new StorageProperties(root));
        InputStream failing = new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (read++ > 1000) {
                    throw new IOException("connection reset (test)");
                }
                return 'x';
            }
        };
        assertThatThrownBy(() -> store.store(failing, "png")).isInstanceOf(FileStoreException.class);
        assertThat(files()).isEmpty();
    }

    @Test
    void filesOfARolledBackTransactionAreDeletedAndOfACommittedOneKept() throws IOException {
        FileStore store = new FileStore(new StorageProperties(root));
        TransactionSynchronizationManager.initSynchronization();
        String kept = store.store(new byte[] {1, 2, 3}, "png");
        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(store.find(kept)).isPresent();

        TransactionSynchronizationManager.initSynchronization();
        String rolledBack = store.store(new byte[] {4, 5, 6}, "png");
        assertThat(store.find(rolledBack)).isPresent();
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(store.find(rolledBack)).isEmpty();
    }

    @Test
    void deletesOnlyOnceTheTransactionCommits() {
        FileStore store = new FileStore(new StorageProperties(root));
        String key = store.store(new byte[] {7}, "jpg");

        TransactionSynchronizationManager.initSynchronization();
        store.deleteAfterCommit(key);
        complete(TransactionSynchronization.STATUS_ROLLED_BACK);
        assertThat(store.find(key)).as("a rolled-back removal keeps the file").isPresent();

        TransactionSynchronizationManager.initSynchronization();
        store.deleteAfterCommit(key);
        assertThat(store.find(key)).isPresent();
        complete(TransactionSynchronization.STATUS_COMMITTED);
        assertThat(store.find(key)).isEmpty();

        // Without a transaction: at once; a missing file is not an error.
        String other = store.store(new byte[] {8}, "jpg");
        store.deleteAfterCommit(other);
        store.deleteAfterCommit(other);
        assertThat(store.find(other)).isEmpty();
    }

    private static void complete(int status) {
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        if (status == TransactionSynchronization.STATUS_COMMITTED) {
            synchronizations.forEach(TransactionSynchronization::afterCommit);
        }
        synchronizations.forEach(s -> s.afterCompletion(status));
    }

    private List<Path> files() throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(Files::isRegularFile).toList();
        }
    }
}
