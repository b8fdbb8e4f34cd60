package vn.ocop;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * At the end of a test run: its wall time and the Spring application contexts it started (each one costs a start of
 * the application, so tests share as few configurations as they can: docs/testing.md). Printed and written to
 * {@code target/test-statistics.txt}, which {@code bin/test} shows after Maven's own summary. Registered as a JUnit
 * Platform listener in {@code META-INF/services}.
 */
public final class TestSuiteStatistics implements TestExecutionListener {

    private long began;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        began = System.nanoTime();
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        double seconds = (System.nanoTime() - began) / 1e9;
        List<ContextCounter.Started> contexts = ContextCounter.started();
        List<String> lines = new ArrayList<>();
        lines.add(String.format(
                Locale.ROOT,
                "Test JVM: %.1f s wall time, %d Spring application context(s) started",
                seconds,
                contexts.size()));
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
