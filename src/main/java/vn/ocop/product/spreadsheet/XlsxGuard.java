package vn.ocop.product.spreadsheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Collections;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import vn.ocop.product.ImportError;
import vn.ocop.shared.OcopException;

/**
 * Checks an xlsx package before the reader opens it, because the reader has no limits of its own: it inflates what
 * the archive says and builds a cell object per {@code <c>} element. Refuses ({@code IMP-010}) a package that unpacks
 * to more than {@link #MAX_UNPACKED_BYTES} (a "zip bomb" of 10 MB can unpack to gigabytes), has too many parts, holds
 * a text run longer than any legitimate cell, a row with more than {@link #MAX_CELLS_PER_ROW} cells, or a DTD (no
 * Office file has one; they enable entity expansion attacks). Everything is streamed: nothing is held in memory.
 */
final class XlsxGuard {

    static final long MAX_UNPACKED_BYTES = 250L * 1024 * 1024;
    static final int MAX_ENTRIES = 2_000;
    static final int MAX_TEXT_RUN = 256 * 1024;
    static final int MAX_CELLS_PER_ROW = 2_000;

    private XlsxGuard() {}

    /** Throws {@code IMP-001} when the file is not a zip archive at all, {@code IMP-010} when it is abnormal. */
    static void check(Path file) {
        try (ZipFile zip = ZipFile.builder().setPath(file).get()) {
            long total = 0;
            int entries = 0;
            for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
                if (++entries > MAX_ENTRIES) {
                    throw unsafe();
                }
                if (entry.isDirectory()) {
                    continue;
                }
                boolean worksheet = entry.getName().startsWith("xl/worksheets/");
                try (InputStream in = zip.getInputStream(entry)) {
                    total += scan(in, worksheet, MAX_UNPACKED_BYTES - total);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof OcopException ocop) {
                throw ocop;
            }
            throw new OcopException(ImportError.NOT_A_SPREADSHEET);
        }
    }

    /** Reads one part to its end; returns its unpacked size. */
    private static long scan(InputStream in, boolean worksheet, long budget) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        byte[] tag = new byte[16];
        int tagLength = -1; // -1: not reading a tag name
        long size = 0;
        int run = 0;
        int cells = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            size += read;
            if (size > budget) {
                throw unsafe();
            }
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '<' || b == '>') {
                    if (tagLength >= 0) {
                        cells = onTag(tag, tagLength, worksheet, cells);
                    }
                    run = 0;
                    tagLength = b == '<' ? 0 : -1;
                    continue;
                }
                if (++run > MAX_TEXT_RUN) {
                    throw unsafe();
                }
                if (tagLength >= 0) {
                    if (b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == '/') {
                        cells = onTag(tag, tagLength, worksheet, cells);
                        tagLength = -1;
                    } else if (tagLength < tag.length) {
                        tag[tagLength++] = b;
                    }
                }
            }
        }
        return size;
    }

    private static int onTag(byte[] tag, int length, boolean worksheet, int cells) {
        String name = new String(tag, 0, length, java.nio.charset.StandardCharsets.US_ASCII);
        if (name.startsWith("!DOCTYPE") || name.startsWith("!ENTITY")) {
            throw unsafe();
        }
        if (!worksheet) {
            return cells;
        }
        String local = name.substring(name.indexOf(':') + 1);
        if (local.equals("row")) {
            return 0;
        }
        if (local.equals("c") && cells + 1 > MAX_CELLS_PER_ROW) {
            throw unsafe();
        }
        return local.equals("c") ? cells + 1 : cells;
    }

    private static OcopException unsafe() {
        return new OcopException(ImportError.UNSAFE_WORKBOOK);
    }
}
