package vn.ocop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a test run: its wall time and the Spring application contexts it started (each one costs a start of
 * the application, so tests share as few configurations as they can: docs/testing.md). Printed and written to
 * {@code target/test-statistics.txt}, which {@code bin/test} shows after Maven's own summary. Registered as a JUnit
 * Platform listener in {@code META-INF/services}. Test classes run side by side (junit-platform.properties), so it also
 * says how long one, two or more classes were running at once: time with one class only is where the run waited for an
 * isolated class or a long one at the end.
 */
public final class TestSuiteStatistics implements TestExecutionListener {

    private long began;

    /** Classes running now, and since when the count last changed: seconds spent with n classes running. */
    private int running;

    private long changed;
    private final java.util.Map<Integer, Long> nanosByRunning = new java.util.TreeMap<>();

    @Override
    public synchronized void executionStarted(TestIdentifier test) {
        if (isClass(test)) {
            count(+1);
        }
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (isClass(test)) {
            count(-1);
        }
    }

    private static boolean isClass(TestIdentifier test) {
        return test.isContainer()
                && test.getSource().filter(ClassSource.class::isInstance).isPresent();
    }

    private void count(int change) {
        long now = System.nanoTime();
        nanosByRunning.merge(running, now - changed, Long::sum);
        running += change;
        changed = now;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan testPlan) {
        began = System.nanoTime();
        changed = began;
    }

    @Override
    public synchronized void testPlanExecutionFinished(TestPlan testPlan) {
        double seconds = (System.nanoTime() - began) / 1e9;
        List<ContextCounter.Started> contexts = ContextCounter.started();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "Test JVM: %.1f s wall time, %d Spring application context(s) started",
                seconds,
                contexts.size()));
        StringBuilder side = new StringBuilder("  test classes running at once:");
        nanosByRunning.forEach((n, nanos) -> {
            if (n > 0) {
                side.append(String.format(Locale.ROOT, " %d for %.1f s;", n, nanos / 1e9));
            }
        });
        lines.add(side.toString());
        for (ContextCounter.Started context : contexts) {
            lines.add(String.format(
                    Locale.ROOT, "  context for %s: refreshed in %.1f s", context.testClass(), context.seconds()));
        }
        lines.forEach(System.out::println);
        try {
            Path file = Path.of("target/test-statistics.txt");
            Files.createDirectories(file.getParent());
            Files.write(file, lines, StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.out.println("could not write target/test-statistics.txt: " + e);
        }
    }
}
