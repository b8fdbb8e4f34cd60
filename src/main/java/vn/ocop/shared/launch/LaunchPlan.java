package vn.ocop.shared.launch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How the child JVM is started: its command line, and the archive that belongs to exactly this class path (every jar
 * by path, size and time), this JVM (installation and build) and these JVM options. The JVM itself refuses an archive
 * made for anything else, but silently; naming the archive after all of that lets the launcher see that none fits
 * yet, so the child writes a fitting one when it stops.
 *
 * @param java the {@code java} executable of this JVM
 * @param options this JVM's own options, passed on to the child (heap size, {@code -D} settings, ...)
 * @param classPath the child's class path
 * @param archive the archive for this class path, JVM and options (it may not exist yet)
 */
record LaunchPlan(String java, List<String> options, ClassPathLayout classPath, Path archive) {

    private static final Duration ABANDONED = Duration.ofHours(1);

    static LaunchPlan prepare(ClassPathLayout classPath, List<String> jvmOptions, Path javaHome, String vmVersion)
            throws IOException {
        List<String> options = jvmOptions.stream()
                .filter(option -> !option.startsWith("-D" + FastStart.ENABLED))
                .toList();
        List<String> facts = new ArrayList<>(List.of(javaHome.toString(), vmVersion, classPath.asOption()));
        // -D settings do not change what the JVM maps; -X and -XX options may (heap size and compressed pointers).
        options.stream().filter(option -> !option.startsWith("-D")).forEach(facts::add);
        for (Path jar : classPath.jars()) {
            facts.add(jar + "|" + ClassPathLayout.attributes(jar));
        }
        Path archive = classPath
                .cacheDirectory()
                .resolve("archive-" + ClassPathLayout.key(facts.toArray(String[]::new)) + ".jsa");
        removeAbandonedPartialArchives(classPath.cacheDirectory());
        return new LaunchPlan(ClassPathLayout.java(), options, classPath, archive);
    }

    /**
     * Options that need this very JVM: a debugger or agent attached to it, a JMX port it holds, or class-data-sharing
     * options given by hand.
     */
    static boolean needsThisJvm(String option) {
        return option.startsWith("-agentlib")
                || option.startsWith("-agentpath")
                || option.startsWith("-javaagent")
                || option.startsWith("-Xdebug")
                || option.startsWith("-Xrunjdwp")
                || option.startsWith("-Dcom.sun.management.jmxremote.port")
                || option.startsWith("-Xshare")
                || option.startsWith("-XX:SharedArchiveFile")
                || option.startsWith("-XX:ArchiveClassesAtExit");
    }

    /**
     * Whether the child compiles with C1 only ({@code -XX:TieredStopAtLevel=1}, what {@code spring-boot:run} does for
     * development anyway). C2 spends about as much CPU during a start as the start itself, for code that runs once;
     * C1-only code is slower at full load. So: C1 only for the default run on the embedded PostgreSQL (development,
     * demonstration, single machine: decision 0002), the full JIT with an external database or the {@code prod}
     * profile. {@code OCOP_FAST_START_JIT} ({@code -Docop.fast-start.jit}) = {@code quick} or {@code full} decides
     * explicitly, and JIT options given to the JVM are always left alone.
     */
    static boolean quickJit(List<String> jvmOptions, List<String> args, Map<String, String> environment) {
        if (jvmOptions.stream()
                .anyMatch(o -> o.startsWith("-XX:TieredStopAtLevel") || o.contains("TieredCompilation"))) {
            return false;
        }
        String setting = setting(jvmOptions, List.of(), environment, FastStart.ENABLED + ".jit", "OCOP_FAST_START_JIT");
        if (setting != null && !setting.isBlank()) {
            return setting.trim().equalsIgnoreCase("quick");
        }
        String url = setting(jvmOptions, args, environment, "spring.datasource.url", "SPRING_DATASOURCE_URL");
        String profiles = setting(jvmOptions, args, environment, "spring.profiles.active", "SPRING_PROFILES_ACTIVE");
        boolean production = profiles != null
                && List.of(profiles.split(",")).stream().anyMatch(p -> p.trim().equals("prod"));
        return (url == null || url.isBlank()) && !production;
    }

    /** A setting as Spring Boot would see it: command-line argument, then system property, then environment. */
    private static String setting(
            List<String> jvmOptions, List<String> args, Map<String, String> environment, String name, String variable) {
        for (String arg : args) {
            if (arg.startsWith("--" + name + "=")) {
                return arg.substring(name.length() + 3);
            }
        }
        for (String option : jvmOptions) {
            if (option.startsWith("-D" + name + "=")) {
                return option.substring(name.length() + 3);
            }
        }
        return environment.get(variable);
    }

    boolean archiveUsable() {
        try {
            return Files.isRegularFile(archive) && Files.size(archive) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** The archive a child writes at its exit, moved into place once that child has exited normally. */
    Path writtenArchive() {
        return archive.resolveSibling(
                archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
    }

    /** The child's command: with the archive when there is one, otherwise writing it at exit. */
    List<String> command(String mainClass, List<String> extraOptions, List<String> args) {
        return command(mainClass, extraOptions, args, archiveUsable());
    }

    /** The build's training run always writes the archive. */
    List<String> trainingCommand(String mainClass, List<String> extraOptions, List<String> args) {
        return command(mainClass, extraOptions, args, false);
    }

    private List<String> command(String mainClass, List<String> extraOptions, List<String> args, boolean useArchive) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(options);
        command.addAll(extraOptions);
        command.add("-D" + FastStart.CHILD + "=true");
        if (useArchive) {
            // auto: an archive the JVM cannot use after all (damaged, another JDK) is skipped, never fatal
            command.add("-Xshare:auto");
            command.add("-XX:SharedArchiveFile=" + archive);
        } else {
            command.add("-XX:ArchiveClassesAtExit=" + writtenArchive());
            // The dump lists every class it leaves out (generated accessors, ...) as a warning: noise for the user.
            command.add("-Xlog:cds*=error");
        }
        command.add("-cp");
        command.add(classPath.asOption());
        command.add(mainClass);
        command.addAll(args);
        return command;
    }

    /**
     * After the child exited: keeps the archive it wrote if it exited normally, else deletes it, and removes the
     * archives of earlier builds. Returns whether an archive was kept.
     */
    boolean adoptWrittenArchive(boolean exitedNormally) {
        Path written = writtenArchive();
        if (!Files.exists(written)) {
            return false;
        }
        try {
            if (exitedNormally && Files.size(written) > 0) {
                Files.move(written, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                ClassPathLayout.deleteSiblings(archive, "archive-", ".jsa");
                return true;
            }
        } catch (IOException e) {
            FastStart.note("could not keep the class-data archive (" + e + ")");
        }
        ClassPathLayout.deleteQuietly(written);
        return false;
    }

    /** Partial archives of children that were killed while writing, once nobody can still be writing them. */
    private static void removeAbandonedPartialArchives(Path cacheDirectory) throws IOException {
        Instant before = Instant.now().minus(ABANDONED);
        try (Stream<Path> files = Files.list(cacheDirectory)) {
            files.filter(p -> p.getFileName().toString().endsWith(".tmp"))
                    .filter(p -> modifiedBefore(p, before))
                    .forEach(ClassPathLayout::deleteQuietly);
        }
    }

    private static boolean modifiedBefore(Path file, Instant instant) {
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            return modified.toInstant().isBefore(instant);
        } catch (IOException e) {
            return false;
        }
    }
}
