package vn.ocop.shared.launch;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the application in a child JVM that maps an application class-data-sharing archive (AppCDS), so that the
 * classes of the application and its libraries are loaded from a memory-mapped, already parsed and verified archive
 * instead of some 20,000 class files (decision 0014).
 *
 * <p>Both {@code java -jar ocop-platform.jar} and {@code ./mvnw spring-boot:run} arrive here, in {@code main}, before
 * anything of Spring is loaded. JDK 17 takes the archive only as a command-line option and only from plain jar files
 * on the class path, so this JVM (the launcher) prepares the class path ({@link ClassPathLayout}: the executable jar
 * extracted once, class directories packed into a jar), picks the archive of this exact class path, JVM and options
 * ({@link LaunchPlan}) and starts the child with it, or, when there is none yet, with
 * {@code -XX:ArchiveClassesAtExit} so that the child writes it when it stops. The launcher then only forwards: its
 * exit code is the child's, SIGTERM (and Ctrl-C) stop the child gracefully, and a launcher killed with SIGKILL takes
 * the child with it (the child sees its standard input close and kills itself the same way).
 *
 * <p>Nothing here may stop the application from starting: without a usable archive the JVM runs without one, and if
 * the class path cannot be prepared (read-only directory, disk full) or a debugger or agent is attached, the
 * application simply runs in this JVM. {@code OCOP_FAST_START=false} (or {@code -Docop.fast-start=false}) does the
 * same on purpose.
 */
public final class FastStart {

    /** System property set on the child JVM. */
    static final String CHILD = "ocop.fast-start.child";
    /** System property (or environment variable {@code OCOP_FAST_START}) that turns the relaunch off. */
    static final String ENABLED = "ocop.fast-start";
    /** Directory for extracted jars and archives (environment {@code OCOP_FAST_START_CACHE}); default beside the jar. */
    static final String CACHE = "ocop.fast-start.cache";
    /** System property of the build's training run, which writes the archive at package time. */
    static final String TRAIN = "ocop.fast-start.train";

    private FastStart() {}

    /**
     * Returns when the application is to run in this JVM; otherwise runs it in a child JVM and exits with its code.
     */
    public static void launch(Class<?> mainClass, String[] args) {
        if (Boolean.getBoolean(CHILD)) {
            exitWhenLauncherDies();
            return;
        }
        boolean training = Boolean.getBoolean(TRAIN);
        String reason = inProcessReason(training);
        if (reason != null) {
            if (training) {
                note("no class-data archive trained: " + reason);
                System.exit(0);
            }
            return;
        }
        LaunchPlan plan;
        try {
            plan = LaunchPlan.prepare(
                    ClassPathLayout.of(System.getProperty("java.class.path", ""), cacheSetting()),
                    javaOptions(),
                    Path.of(System.getProperty("java.home")),
                    System.getProperty("java.vm.version", ""));
        } catch (IOException | RuntimeException e) {
            if (training) {
                note("no class-data archive trained: " + e);
                System.exit(0);
            }
            note("starting without a class-data archive (" + e + ")");
            return;
        }
        System.exit(training ? train(plan, mainClass) : run(plan, mainClass, args));
    }

    /** Why the application must run in this JVM, or {@code null} when the relaunch may go ahead. */
    static String inProcessReason(boolean training) {
        String setting = System.getProperty(ENABLED, System.getenv("OCOP_FAST_START"));
        if (!training && setting != null && setting.trim().equalsIgnoreCase("false")) {
            return "turned off";
        }
        for (String option : javaOptions()) {
            if (LaunchPlan.needsThisJvm(option)) {
                return "the JVM was started with " + option;
            }
        }
        return null;
    }

    private static Path cacheSetting() {
        String setting = System.getProperty(CACHE, System.getenv("OCOP_FAST_START_CACHE"));
        return setting == null || setting.isBlank() ? null : Path.of(setting).toAbsolutePath();
    }

    private static List<String> javaOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    private static int run(LaunchPlan plan, Class<?> mainClass, String[] args) {
        boolean writing = !plan.archiveUsable();
        if (writing) {
            note("first start of this build: the class-data archive for faster starts is written when the application"
                    + " stops (" + plan.archive().getFileName() + ")");
        }
        List<String> extraOptions = LaunchPlan.quickJit(plan.options(), List.of(args), System.getenv())
                ? List.of("-XX:TieredStopAtLevel=1")
                : List.of();
        List<String> command = plan.command(mainClass.getName(), extraOptions, List.of(args));
        int code = runChild(plan, command, false);
        if (writing && plan.archiveUsable()) {
            note("class-data archive written: the next starts are faster");
        }
        return code;
    }

    /**
     * The build's training run: the application starts on a throw-away database, stops once its context is refreshed,
     * and the archive is written at that exit. A failure leaves no archive behind but never fails the build: the first
     * real start then writes it.
     */
    private static int train(LaunchPlan plan, Class<?> mainClass) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("ocop-fast-start");
        } catch (IOException e) {
            note("no class-data archive trained: " + e);
            return 0;
        }
        try {
            List<String> command = plan.trainingCommand(
                    mainClass.getName(),
                    List.of("-Dspring.context.exit=onRefresh"),
                    List.of(
                            "--server.port=0",
                            "--ocop.demo-data.enabled=false",
                            "--ocop.scheduling.enabled=false",
                            "--ocop.embedded-db.data-directory=" + scratch.resolve("postgres"),
                            "--ocop.embedded-db.binaries-directory=" + scratch.resolve("pg-bin"),
                            "--ocop.storage.directory=" + scratch.resolve("files"),
                            "--logging.level.root=WARN"));
            int code = runChild(plan, command, true);
            if (code != 0 || !Files.exists(plan.archive())) {
                note("no class-data archive trained (training run exited with " + code + ")");
            } else {
                note("class-data archive written: " + plan.archive());
            }
            return 0;
        } finally {
            ClassPathLayout.deleteQuietly(scratch);
        }
    }

    private static int runChild(LaunchPlan plan, List<String> command, boolean training) {
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            // The child's standard input is a pipe from this JVM: it closes when this JVM dies, however it dies.
            builder.redirectInput(ProcessBuilder.Redirect.PIPE);
            Map<String, String> environment = builder.environment();
            environment.remove("JDK_JAVA_OPTIONS"); // already in this JVM's options, passed on explicitly
            child = builder.start();
        } catch (IOException e) {
            note("could not start the application's JVM (" + e + ")");
            return 1;
        }
        Thread stopChild = new Thread(() -> stop(child), "fast-start-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        int code = waitFor(child);
        // A JVM that stopped normally (or on SIGTERM/SIGINT) has written its archive completely; one that failed to
        // start would leave a partial one, and a killed one a truncated file.
        plan.adoptWrittenArchive(code == 0 || (!training && (code == 130 || code == 143)));
        return code;
    }

    /** Graceful stop of the child when this JVM is asked to stop (SIGTERM, Ctrl-C, service stop). */
    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        if (isWindows()) {
            // destroy() is TerminateProcess there; Ctrl-C reaches every process of the console, the child included.
            waitAtMost(child, 30);
        }
        // Through the process handle: Process.destroy() would also close the child's standard input, which the child
        // takes for this JVM's death (and kills itself without a graceful shutdown).
        child.toHandle().destroy();
        if (!waitAtMost(child, 60)) {
            child.destroyForcibly();
        }
    }

    private static int waitFor(Process child) {
        while (true) {
            try {
                return child.waitFor();
            } catch (InterruptedException e) {
                // keep waiting: the child decides when the application has stopped
            }
        }
    }

    private static boolean waitAtMost(Process child, int seconds) {
        try {
            return child.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !child.isAlive();
        }
    }

    /**
     * In the child: when the launcher's end of the standard-input pipe closes, the launcher is gone (killed with
     * SIGKILL, or crashed). The child then dies the same way, without a graceful shutdown, as the single JVM did before
     * the launcher existed: the embedded PostgreSQL it leaves behind is taken over by the next start.
     */
    private static void exitWhenLauncherDies() {
        Thread watcher = new Thread(
                () -> {
                    try (InputStream in = System.in) {
                        while (in.read() != -1) {
                            // the launcher never writes; anything read is ignored
                        }
                    } catch (IOException e) {
                        // closed: same as end of input
                    }
                    killSelf();
                },
                "fast-start-launcher-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static void killSelf() {
        if (!isWindows()) {
            try {
                new ProcessBuilder(
                                "kill",
                                "-KILL",
                                Long.toString(ProcessHandle.current().pid()))
                        .start()
                        .waitFor(10, TimeUnit.SECONDS);
            } catch (IOException e) {
                // fall through to halt
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Runtime.getRuntime().halt(137);
    }

    static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
    }

    static void note(String message) {
        System.err.println("OCOP fast start: " + message);
    }
}
