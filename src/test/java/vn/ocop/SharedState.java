package vn.ocop;

/**
 * Keys of {@link org.junit.jupiter.api.parallel.ResourceLock}s for state of the shared application that some test
 * classes change for everyone while others rely on it (test classes run side by side: decision 0034).
 */
public final class SharedState {

    /**
     * The certificate signing key: the security suite rotates it, and a certification test checks that certificates
     * issued after its own rotation carry the new key.
     */
    public static final String SIGNING_KEY = "ocop.signing-key";

    /** The one Chromium of the browser tests: they take turns ({@code BrowserTest}). */
    public static final String CHROMIUM = "ocop.chromium";

    private SharedState() {}
}
