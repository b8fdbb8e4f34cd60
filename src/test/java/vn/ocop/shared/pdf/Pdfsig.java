package vn.ocop.shared.pdf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs poppler's {@code pdfsig} (Debian package poppler-utils, installed by bin/test) on a PDF, as a PDF reader
 * checks a signature, and returns what it prints.
 */
public final class Pdfsig {

    private Pdfsig() {}

    public static String check(byte[] pdf) throws IOException, InterruptedException {
        Path file = Files.createTempFile("pdfsig-", ".pdf");
        try {
            Files.write(file, pdf);
            Process process = new ProcessBuilder("pdfsig", file.toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("pdfsig did not finish");
            }
            return output;
        } catch (IOException e) {
            throw new IOException("pdfsig (Debian package poppler-utils) is needed: apt-get install poppler-utils", e);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /**
     * The same PDF with one byte inside the signed range changed: a digit of the signing time in the signature
     * dictionary (plain text, so the file still parses and only the signature can tell).
     */
    public static byte[] withOneByteChanged(byte[] pdf) {
        byte[] changed = pdf.clone();
        byte[] marker = "/M (D:".getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i + marker.length < changed.length; i++) {
            if (java.util.Arrays.equals(changed, i, i + marker.length, marker, 0, marker.length)) {
                int digit = i + marker.length + 3; // the year's last digit
                changed[digit] = (byte) (changed[digit] == '9' ? '8' : changed[digit] + 1);
                return changed;
            }
        }
        throw new IllegalArgumentException("no signing time to change");
    }
}
