package vn.ocop;

/**
 * Keys of {@link org.junit.jupiter.api.parallel.ResourceLock}s for state of the shared application that some test
 * classes change for everyone while others rely on it (test classes run side by side: decision 0034).
 */
public final class SharedState {

    /**
     * The certificate signing key: the security suite rotates it, and a certification test checks that certificates
     * issued after its own rotation carry the new key. Also where it is kept: the key migration test makes the old
     * {@code signing_key} table for a moment, which another checks is gone.
     */
    public static final String SIGNING_KEY = "ocop.signing-key";

    /**
     * This year's plans of Quảng Trị (44), the province of the reporting dataset: the reporting browser test reads the
     * newest on the province's dashboard, and two reporting classes adopt more.
     */
    public static final String PLANS_OF_44 = "ocop.plans-44";

    /** The one Chromium of the browser tests: they take turns ({@code BrowserTest}). */
    public static final String CHROMIUM = "ocop.chromium";

    private SharedState() {}
}
