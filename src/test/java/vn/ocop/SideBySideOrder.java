package vn.ocop;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.annotation.MergedAnnotations;

/**
 * The order in which the test classes are handed to the two threads that run them (junit-platform.properties). JUnit
 * runs a list of concurrent classes from both ends at once: one thread from the first class onwards, the other from the
 * last one backwards. So that both stay busy until the end, the list is:
 *
 * <ol>
 *   <li>the {@link LongRunning} classes on the shared application context (the first thread starts with them);
 *   <li>the other classes, short ones, which fill in wherever a thread is free;
 *   <li>the browser tests, which take turns on the one Chromium ({@link SharedState#CHROMIUM}), the long ones last, so
 *       that the second thread starts them early, one after another;
 *   <li>last, the long classes without a Spring context (the modularity check): the second thread runs them while the
 *       first starts the application, which nothing else could use yet.
 * </ol>
 *
 * {@link org.junit.jupiter.api.parallel.Isolated} classes run alone at the end whatever their place.
 */
public final class SideBySideOrder implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors()
                .sort(Comparator.comparingInt(SideBySideOrder::place)
                        .thenComparing(d -> d.getTestClass().getName()));
    }

    /** The class's place in the list above, as a number: within one place, classes go by name. */
    private static int place(ClassDescriptor descriptor) {
        boolean longRunning = descriptor.isAnnotated(LongRunning.class);
        if (descriptor.findRepeatableAnnotations(ResourceLock.class).stream()
                .anyMatch(lock -> lock.value().equals(SharedState.CHROMIUM))) {
            return longRunning ? 3 : 2;
        }
        if (!longRunning) {
            return 1;
        }
        return usesSpring(descriptor.getTestClass()) ? 0 : 4;
    }

    private static boolean usesSpring(Class<?> testClass) {
        return MergedAnnotations.from(testClass, MergedAnnotations.SearchStrategy.TYPE_HIERARCHY)
                .isPresent(SpringBootTest.class);
    }
}
