package vn.ocop;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Counts the Spring application contexts the test suite starts, and how long each took to refresh (registered in
 * {@code META-INF/spring.factories} of the test sources; {@link TestSuiteStatistics} prints the figures).
 */
public final class ContextCounter extends EveryTestContext {

    /** One started context: the test class that caused it and the seconds its refresh took. */
    public record Started(String testClass, double seconds) {}

    private static final List<Started> STARTED = new ArrayList<>();

    static synchronized List<Started> started() {
        return List.copyOf(STARTED);
    }

    @Override
    public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
        long begin = System.nanoTime();
        String testClass = config.getTestClass().getSimpleName();
        context.addApplicationListener(event -> {
            if (event instanceof ContextRefreshedEvent refreshed && refreshed.getApplicationContext() == context) {
                synchronized (ContextCounter.class) {
                    STARTED.add(new Started(
                            testClass,
                            Duration.ofNanos(System.nanoTime() - begin).toMillis() / 1000.0));
                }
            }
        });
    }
}
