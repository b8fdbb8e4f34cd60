package vn.ocop.shared.launch;

import java.lang.management.ManagementFactory;

/**
 * A stand-in for the application's {@code main} in {@link FastStartTests}: launched like the application, it reports
 * where it runs and with which options, then waits as long as its first argument says (a server would run until
 * stopped), and reports a graceful shutdown.
 */
public final class FastStartProbe {

    private FastStartProbe() {}

    public static void main(String[] args) throws InterruptedException {
        FastStart.launch(FastStartProbe.class, args);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("probe: graceful shutdown")));
        System.out.println("probe: child=" + Boolean.getBoolean(FastStart.CHILD) + " options="
                + ManagementFactory.getRuntimeMXBean().getInputArguments());
        Thread.sleep(Long.parseLong(args[0]));
        System.out.println("probe: done");
    }
}
