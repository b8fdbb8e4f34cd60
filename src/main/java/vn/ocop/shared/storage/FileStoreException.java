package vn.ocop.shared.storage;

/** The file store could not write, read or delete a file: a fault of the server, never of the user (500). */
public class FileStoreException extends RuntimeException {

    public FileStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public FileStoreException(String message) {
        super(message);
    }
}
