package vn.ocop.security;

import java.util.Set;

/**
 * Creates the instances of some fixture kinds for the authorization matrix and the bad-input corpus. Each module
 * writes one in its test package (e.g. {@code vn.ocop.product.ProductMatrixFixtures}); the runner finds every
 * implementation under {@code vn.ocop} on the test class path, builds it with its constructor's beans injected, and
 * calls it once per run, after the providers of the kinds it {@linkplain #requires requires}. See
 * {@link SecuritySuiteTests} for the whole contract.
 */
public interface MatrixFixtures {

    /** The kinds this provider {@linkplain MatrixWorld#put puts} into the world. */
    Set<String> provides();

    /** Kinds of other providers this one reads (its instances are created after theirs). */
    default Set<String> requires() {
        return Set.of();
    }

    /** Creates the own and other instance of every kind in {@link #provides()}, through the modules' services. */
    void create(MatrixWorld world) throws Exception;
}
