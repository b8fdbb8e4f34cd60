package vn.ocop.shared.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The embedded PostgreSQL runs on every common developer machine: the binaries are chosen by os.name and os.arch. */
class PostgresBinariesTests {

    @ParameterizedTest(name = "{0} / {1} (musl {2}) -> {3}")
    @CsvSource({
        "Linux,         amd64,   false, postgres-linux-x86_64.txz",
        "Linux,         aarch64, false, postgres-linux-arm_64.txz",
        "Linux,         amd64,   true,  postgres-linux-x86_64-alpine_linux.txz",
        "Mac OS X,      x86_64,  false, postgres-darwin-x86_64.txz",
        "Mac OS X,      aarch64, false, postgres-darwin-arm_64.txz",
        "Windows 11,    amd64,   false, postgres-windows-x86_64.txz",
        "Windows 11,    aarch64, false, postgres-windows-x86_64.txz",
        "Windows Server 2022, amd64, false, postgres-windows-x86_64.txz"
    })
    void everyCommonMachineGetsBinariesThatTheJarCarries(String os, String arch, boolean musl, String resource)
            throws Exception {
        PostgresBinaries binaries = PostgresBinaries.forPlatform(os, arch, musl);

        assertThat(binaries.resource()).isEqualTo(resource);
        // The pom must bring the artifact: the archive is really there, and zonky's own guess is not what counts.
        try (InputStream in = binaries.getPgBinary("ignored", "ignored")) {
            assertThat(in.readNBytes(6)).containsExactly(0xFD, '7', 'z', 'X', 'Z', 0x00); // xz magic
        }
    }

    @Test
    void otherMachinesAreToldToUseAnExternalDatabase() {
        assertThatThrownBy(() -> PostgresBinaries.forPlatform("FreeBSD", "amd64", false))
                .hasMessageContaining("FreeBSD")
                .hasMessageContaining("SPRING_DATASOURCE_URL");
        assertThatThrownBy(() -> PostgresBinaries.forPlatform("Linux", "ppc64le", false))
                .hasMessageContaining("ppc64le");
        assertThatThrownBy(() -> PostgresBinaries.forPlatform("Linux", "aarch64", true))
                .hasMessageContaining("musl");
    }

    @Test
    void thisMachineIsOneOfThem() {
        assertThat(PostgresBinaries.forThisMachine().resource())
                .startsWith("postgres-")
                .endsWith(".txz");
    }

    @Test
    void thePostmasterIsRecognisedOnEverySystem() {
        assertThat(EmbeddedPostgresServer.isPostgres("/tmp/pg-bin/bin/postgres"))
                .isTrue();
        assertThat(EmbeddedPostgresServer.isPostgres("C:\\pg-bin\\bin\\postgres.exe")
                        || EmbeddedPostgresServer.isPostgres("postgres.exe"))
                .isTrue();
        assertThat(EmbeddedPostgresServer.isPostgres("/usr/bin/java")).isFalse();
        assertThat(EmbeddedPostgresServer.isPostgres("")).isFalse();
    }
}
