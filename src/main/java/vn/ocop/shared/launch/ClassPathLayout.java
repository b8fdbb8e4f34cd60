package vn.ocop.shared.launch;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * A class path that a class-data-sharing archive can be made of: plain jar files only (JDK 17 archives nothing from
 * nested jars and refuses non-empty directories), and the directory where the archive is kept.
 *
 * <ul>
 *   <li>An executable jar (Spring Boot's nested layout) is extracted once per build with Spring Boot's own
 *       {@code -Djarmode=tools extract} into {@code <jar name>.fast-start/app-<key>/} beside it (the application jar
 *       and {@code lib/}); the key changes with the jar's path, size and time, so a rebuilt jar is extracted anew.
 *   <li>A class path of directories and jars ({@code ./mvnw spring-boot:run}, an IDE) keeps its jars; each class
 *       directory is packed into a jar in {@code <parent of the first entry>/fast-start/}, again only when its content
 *       changed.
 * </ul>
 *
 * Where the directory beside the jar is not writable, a per-user directory under {@code java.io.tmpdir} is used.
 *
 * @param entries the class path to start the child with, plain jars (and empty or missing directories)
 * @param jars every jar the child reads classes from: the entries and the jars their manifests add ({@code lib/})
 * @param cacheDirectory where extracted jars and archives are kept
 */
record ClassPathLayout(List<Path> entries, List<Path> jars, Path cacheDirectory) {

    private static final String NESTED_CLASSES = "BOOT-INF/classes/";
    private static final int EXTRACT_TIMEOUT_MINUTES = 5;

    /**
     * @param javaClassPath this JVM's class path
     * @param cacheDirectory where to keep extracted jars and archives instead of beside the application (setting
     *     {@code ocop.fast-start.cache}), or {@code null}
     */
    static ClassPathLayout of(String javaClassPath, Path cacheDirectory) throws IOException {
        List<Path> entries = new ArrayList<>();
        for (String entry : javaClassPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.add(Path.of(entry).toAbsolutePath().normalize());
            }
        }
        if (entries.isEmpty()) {
            throw new IOException("empty class path");
        }
        if (entries.size() == 1 && isExecutableJar(entries.get(0))) {
            return extracted(entries.get(0), cacheDirectory);
        }
        Path cache = writableCache(
                cacheDirectory != null
                        ? cacheDirectory
                        : entries.get(0).getParent().resolve("fast-start"),
                entries.get(0));
        List<Path> jars = new ArrayList<>();
        for (Path entry : entries) {
            jars.add(isNonEmptyDirectory(entry) ? packed(entry, cache) : entry);
        }
        return new ClassPathLayout(
                List.copyOf(jars), jars.stream().filter(Files::isRegularFile).toList(), cache);
    }

    /** The class path as the {@code -cp} option of the child. */
    String asOption() {
        return String.join(
                File.pathSeparator, entries.stream().map(Path::toString).toList());
    }

    static boolean isExecutableJar(Path path) {
        if (!Files.isRegularFile(path) || !path.toString().endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(path.toFile())) {
            return jar.getEntry(NESTED_CLASSES) != null;
        } catch (IOException e) {
            return false;
        }
    }

    private static ClassPathLayout extracted(Path executableJar, Path cacheDirectory) throws IOException {
        String name = executableJar.getFileName().toString();
        Path cache = writableCache(
                cacheDirectory != null
                        ? cacheDirectory
                        : executableJar.resolveSibling(
                                name.substring(0, name.length() - ".jar".length()) + ".fast-start"),
                executableJar);
        Path target = cache.resolve("app-" + key(executableJar.toString(), attributes(executableJar)));
        Path applicationJar = target.resolve(name);
        if (!Files.isRegularFile(applicationJar)) {
            try (FileChannel channel = FileChannel.open(
                            cache.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                if (!Files.isRegularFile(applicationJar)) {
                    extract(executableJar, target);
                    deleteSiblings(target, "app-", "");
                }
            }
        }
        List<Path> jars = new ArrayList<>(List.of(applicationJar));
        try (Stream<Path> lib = Files.list(target.resolve("lib"))) {
            lib.filter(p -> p.toString().endsWith(".jar")).sorted().forEach(jars::add);
        }
        return new ClassPathLayout(List.of(applicationJar), List.copyOf(jars), cache);
    }

    /** Spring Boot's own extraction, in a JVM of its own: the application jar plus {@code lib/}, atomically. */
    private static void extract(Path executableJar, Path target) throws IOException {
        Path scratch = Files.createTempDirectory(target.getParent(), "extracting-");
        try {
            Process process = new ProcessBuilder(
                            java(),
                            "-Djarmode=tools",
                            "-jar",
                            executableJar.toString(),
                            "extract",
                            "--destination",
                            scratch.resolve("app").toString())
                    .redirectErrorStream(true)
                    .redirectOutput(scratch.resolve("extract.log").toFile())
                    .start();
            if (!process.waitFor(EXTRACT_TIMEOUT_MINUTES, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IOException("could not extract " + executableJar + ": "
                        + Files.readString(scratch.resolve("extract.log"), StandardCharsets.UTF_8)
                                .strip());
            }
            Files.move(scratch.resolve("app"), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while extracting " + executableJar, e);
        } finally {
            deleteQuietly(scratch);
        }
    }

    /**
     * A jar with the content of a class directory, named after the directory and its content (relative paths, sizes
     * and times of its files), so a recompiled class gives a new jar and an unchanged directory the same one.
     */
    static Path packed(Path directory, Path cache) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(directory)) {
            files = walk.sorted().toList();
        }
        List<String> facts = new ArrayList<>();
        for (Path file : files) {
            facts.add(directory.relativize(file) + "|" + (Files.isRegularFile(file) ? attributes(file) : "dir"));
        }
        String prefix = "classes-" + key(directory.toString()) + "-";
        Path jar = cache.resolve(prefix + key(String.join("\n", facts)) + ".jar");
        if (!Files.isRegularFile(jar)) {
            Path scratch = Files.createTempFile(cache, prefix, ".tmp");
            try (OutputStream out = Files.newOutputStream(scratch);
                    JarOutputStream jarOut = new JarOutputStream(out)) {
                for (Path file : files) {
                    if (file.equals(directory)) {
                        continue;
                    }
                    String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                    boolean isDirectory = Files.isDirectory(file);
                    // Directory entries too: Spring's class path scanning asks the class loader for package paths.
                    JarEntry entry = new JarEntry(isDirectory ? name + "/" : name);
                    entry.setLastModifiedTime(Files.getLastModifiedTime(file));
                    jarOut.putNextEntry(entry);
                    if (!isDirectory) {
                        Files.copy(file, jarOut);
                    }
                    jarOut.closeEntry();
                }
            } catch (IOException e) {
                Files.deleteIfExists(scratch);
                throw e;
            }
            Files.move(scratch, jar, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            deleteSiblings(jar, prefix, ".jar");
        }
        return jar;
    }

    /** The preferred directory if it can be written, else one per user and application path under the temp dir. */
    private static Path writableCache(Path preferred, Path application) throws IOException {
        try {
            Files.createDirectories(preferred);
            if (Files.isWritable(preferred)) {
                return preferred;
            }
        } catch (IOException e) {
            // fall back below
        }
        Path fallback = Path.of(
                System.getProperty("java.io.tmpdir"),
                "ocop-fast-start-" + System.getProperty("user.name", "user"),
                key(application.toString()));
        Files.createDirectories(fallback);
        return fallback;
    }

    private static boolean isNonEmptyDirectory(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> children = Files.list(path)) {
            return children.findAny().isPresent();
        }
    }

    static String attributes(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        FileTime modified = attributes.lastModifiedTime();
        return attributes.size() + "@" + modified.toMillis();
    }

    /** The first 16 hex digits of the SHA-256 of the parts. */
    static String key(String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Removes the older versions beside a new one (best effort: a running instance may still hold them). */
    static void deleteSiblings(Path keep, String prefix, String suffix) {
        try (Stream<Path> siblings = Files.list(keep.getParent())) {
            siblings.filter(p -> p.getFileName().toString().startsWith(prefix)
                            && p.getFileName().toString().endsWith(suffix)
                            && !p.equals(keep))
                    .forEach(ClassPathLayout::deleteQuietly);
        } catch (IOException e) {
            // best effort
        }
    }

    static void deleteQuietly(Path path) {
        try {
            if (Files.isDirectory(path)) {
                Files.walkFileTree(path, new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                        file.toFile().setWritable(true);
                        Files.deleteIfExists(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                        Files.deleteIfExists(dir);
                        return FileVisitResult.CONTINUE;
                    }
                });
            } else {
                path.toFile().setWritable(true);
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            // best effort
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", FastStart.isWindows() ? "java.exe" : "java")
                .toString();
    }
}
