package vn.ocop.shared.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which archive belongs to a start, and how the child is started. */
class LaunchPlanTests {

    @TempDir
    Path directory;

    Path classes;
    Path library;

    @BeforeEach
    void classPath() throws IOException {
        classes = directory.resolve("classes");
        Files.createDirectories(classes.resolve("vn/ocop"));
        Files.writeString(classes.resolve("vn/ocop/A.class"), "a");
        library = Files.writeString(directory.resolve("lib.jar"), "jar");
    }

    @Test
    void aClassDirectoryIsPackedOnceAndAgainOnlyWhenItChanges() throws Exception {
        ClassPathLayout first = layout();
        Path packed = first.entries().get(0);
        assertThat(packed.getFileName().toString()).startsWith("classes-").endsWith(".jar");
        try (JarFile jar = new JarFile(packed.toFile())) {
            // package directories too: Spring's class path scanning needs them
            assertThat(jar.getEntry("vn/ocop/")).isNotNull();
            assertThat(jar.getEntry("vn/ocop/A.class")).isNotNull();
        }
        assertThat(layout().entries().get(0)).isEqualTo(packed);

        Files.writeString(classes.resolve("vn/ocop/A.class"), "recompiled");
        Path repacked = layout().entries().get(0);

        assertThat(repacked).isNotEqualTo(packed);
        assertThat(packed).doesNotExist();
        assertThat(first.entries().get(1)).isEqualTo(library.toAbsolutePath());
    }

    @Test
    void theArchiveBelongsToTheJarsTheJvmAndItsOptions() throws Exception {
        Path archive = plan(List.of("-Xmx512m")).archive();

        assertThat(plan(List.of("-Xmx512m", "-Dsome.setting=1")).archive()).isEqualTo(archive);
        assertThat(plan(List.of("-Xmx1g")).archive()).isNotEqualTo(archive);
        assertThat(LaunchPlan.prepare(layout(), List.of("-Xmx512m"), Path.of("/other/jdk"), "17.0.15")
                        .archive())
                .isNotEqualTo(archive);
        Files.setLastModifiedTime(library, FileTime.from(Instant.now().plusSeconds(60)));
        assertThat(plan(List.of("-Xmx512m")).archive()).isNotEqualTo(archive);
    }

    @Test
    void withoutAnArchiveTheChildWritesOneAndWithOneItMapsIt() throws Exception {
        LaunchPlan plan = plan(List.of("-Xmx512m", "-Docop.fast-start.cache=/x"));

        List<String> writing = plan.command("vn.ocop.Main", List.of(), List.of("--server.port=9"));
        assertThat(writing)
                .contains(
                        "-Xmx512m", "-Docop.fast-start.child=true", "-XX:ArchiveClassesAtExit=" + plan.writtenArchive())
                .doesNotContain("-Docop.fast-start.cache=/x")
                .endsWith("vn.ocop.Main", "--server.port=9");

        Files.writeString(plan.writtenArchive(), "archive");
        plan.adoptWrittenArchive(true);
        assertThat(plan.archive()).exists();
        assertThat(plan.command("vn.ocop.Main", List.of(), List.of()))
                .contains("-Xshare:auto", "-XX:SharedArchiveFile=" + plan.archive());
        assertThat(plan.trainingCommand("vn.ocop.Main", List.of(), List.of()))
                .contains("-XX:ArchiveClassesAtExit=" + plan.writtenArchive());
    }

    @Test
    void anArchiveOfAChildThatDidNotStopNormallyIsDiscarded() throws Exception {
        LaunchPlan plan = plan(List.of());
        Files.writeString(plan.writtenArchive(), "half an archive");

        plan.adoptWrittenArchive(false);

        assertThat(plan.writtenArchive()).doesNotExist();
        assertThat(plan.archiveUsable()).isFalse();
    }

    @Test
    void quickJitOnlyForTheEmbeddedDefaultRun() {
        Map<String, String> none = Map.of();
        assertThat(LaunchPlan.quickJit(List.of(), List.of(), none)).isTrue();
        assertThat(LaunchPlan.quickJit(List.of(), List.of(), Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://db/x")))
                .isFalse();
        assertThat(LaunchPlan.quickJit(List.of(), List.of("--spring.datasource.url=jdbc:postgresql://db/x"), none))
                .isFalse();
        assertThat(LaunchPlan.quickJit(List.of(), List.of(), Map.of("SPRING_PROFILES_ACTIVE", "demo,prod")))
                .isFalse();
        assertThat(LaunchPlan.quickJit(List.of("-Dspring.profiles.active=prod"), List.of(), none))
                .isFalse();
        assertThat(LaunchPlan.quickJit(List.of("-XX:TieredStopAtLevel=4"), List.of(), none))
                .isFalse();
        assertThat(LaunchPlan.quickJit(List.of(), List.of(), Map.of("OCOP_FAST_START_JIT", "full")))
                .isFalse();
        assertThat(LaunchPlan.quickJit(
                        List.of("-Docop.fast-start.jit=quick"), List.of(), Map.of("SPRING_PROFILES_ACTIVE", "prod")))
                .isTrue();
    }

    @Test
    void debuggersAgentsAndHandMadeSharingKeepTheApplicationInTheLauncher() {
        assertThat(LaunchPlan.needsThisJvm("-agentlib:jdwp=transport=dt_socket,server=y,address=5005"))
                .isTrue();
        assertThat(LaunchPlan.needsThisJvm("-javaagent:/opt/otel.jar")).isTrue();
        assertThat(LaunchPlan.needsThisJvm("-XX:SharedArchiveFile=/tmp/a.jsa")).isTrue();
        assertThat(LaunchPlan.needsThisJvm("-Xmx512m")).isFalse();
        assertThat(LaunchPlan.needsThisJvm("-XX:TieredStopAtLevel=1")).isFalse();
    }

    private ClassPathLayout layout() throws IOException {
        return ClassPathLayout.of(classes + java.io.File.pathSeparator + library, directory.resolve("cache"));
    }

    private LaunchPlan plan(List<String> options) throws IOException {
        return LaunchPlan.prepare(layout(), options, Path.of("/usr/lib/jvm/17"), "17.0.15+6");
    }
}
