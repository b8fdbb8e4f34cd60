package vn.ocop.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The relaunch with a class-data archive, for real: a JVM started like {@code java -cp classes Main} runs its main in
 * a child JVM, which writes the archive when it stops; the next start uses it; a damaged archive does not stop a
 * start; SIGTERM reaches the child as a graceful stop, and a launcher killed with SIGKILL takes the child with it.
 */
class FastStartTests {

    @TempDir
    Path directory;

    Path classes;
    Path cache;

    @BeforeEach
    void copyTheLauncherAndTheProbe() throws IOException {
        classes = directory.resolve("classes");
        cache = directory.resolve("cache");
        Path target = classes.resolve("vn/ocop/shared/launch");
        Files.createDirectories(target);
        for (Path source : List.of(
                Path.of("target/classes/vn/ocop/shared/launch"),
                Path.of("target/test-classes/vn/ocop/shared/launch"))) {
            try (Stream<Path> files = Files.list(source)) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".class")).toList()) {
                    if (!file.getFileName().toString().startsWith("FastStartTests")) {
                        Files.copy(file, target.resolve(file.getFileName()));
                    }
                }
            }
        }
    }

    @Test
    void theFirstStartWritesTheArchiveAndTheNextOneUsesIt() throws Exception {
        Run first = start("0").finish();
        assertThat(first.exitCode).isZero();
        assertThat(first.output).contains("probe: child=true").contains("-XX:ArchiveClassesAtExit");
        assertThat(archives()).hasSize(1);

        Run second = start("0").finish();
        assertThat(second.exitCode).isZero();
        assertThat(second.output)
                .contains("probe: child=true")
                .contains("-XX:SharedArchiveFile=" + archives().get(0));
        assertThat(second.output).doesNotContain("written when the application stops");
    }

    @Test
    void aDamagedArchiveNeverStopsTheStart() throws Exception {
        assertThat(start("0").finish().exitCode).isZero();
        Path archive = archives().get(0);
        archive.toFile().setWritable(true);
        Files.writeString(archive, "not an archive");

        Run run = start("0").finish();

        assertThat(run.exitCode).isZero();
        assertThat(run.output).contains("probe: child=true").contains("probe: done");
    }

    @Test
    void turnedOffOrWithAnAgentTheApplicationRunsInTheLauncher() throws Exception {
        Run off = start(List.of("-Docop.fast-start=false"), "0").finish();
        assertThat(off.output).contains("probe: child=false").doesNotContain("SharedArchiveFile");

        Run ownCds = start(List.of("-Xshare:auto"), "0").finish();
        assertThat(ownCds.output).contains("probe: child=false");
    }

    @Test
    void sigtermStopsTheChildGracefullyAndSigkillTakesItAlong() throws Exception {
        assertThat(start("0").finish().exitCode).isZero(); // archive in place: no dump at exit below

        Run stopped = start("600000").awaitOutput("probe: child=true");
        ProcessHandle child = stopped.child();
        stopped.process.destroy(); // SIGTERM to the launcher
        assertThat(stopped.finish().output).contains("probe: graceful shutdown");
        assertThat(child.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();

        Run killed = start("600000").awaitOutput("probe: child=true");
        ProcessHandle orphan = killed.child();
        killed.process.destroyForcibly(); // SIGKILL: no shutdown hook of the launcher runs
        assertThat(orphan.onExit().get(30, TimeUnit.SECONDS).isAlive()).isFalse();
        assertThat(killed.finish().output).doesNotContain("probe: graceful shutdown");
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.toString().endsWith(".jsa")).toList();
        }
    }

    private Run start(String sleepMillis) throws IOException {
        return start(List.of(), sleepMillis);
    }

    private Run start(List<String> options, String sleepMillis) throws IOException {
        List<String> command = new ArrayList<>(List.of(ClassPathLayout.java(), "-Docop.fast-start.cache=" + cache));
        command.addAll(options);
        command.addAll(List.of("-cp", classes.toString(), FastStartProbe.class.getName(), sleepMillis));
        Path output = Files.createTempFile(directory, "run", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output.toFile())
                .start();
        return new Run(process, output);
    }

    private static final class Run {
        final Process process;
        final Path log;
        String output = "";
        int exitCode = -1;

        Run(Process process, Path log) {
            this.process = process;
            this.log = log;
        }

        Run finish() throws Exception {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("no exit within 120 s: " + Files.readString(log));
            }
            exitCode = process.exitValue();
            output = Files.readString(log, StandardCharsets.UTF_8);
            return this;
        }

        Run awaitOutput(String text) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log, StandardCharsets.UTF_8).contains(text)) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new AssertionError("never printed '" + text + "': " + Files.readString(log));
                }
                Thread.sleep(50);
            }
            return this;
        }

        ProcessHandle child() {
            return process.toHandle().children().findFirst().orElseThrow();
        }
    }
}
