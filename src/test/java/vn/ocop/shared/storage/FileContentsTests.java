package vn.ocop.shared.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FileContentsTests {

    @Test
    void recognisesPdfJpegAndPngByTheirFirstBytesOnly() {
        assertThat(FileContents.sniff("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)))
                .contains(FileContents.PDF);
        assertThat(FileContents.sniff(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0}))
                .contains(FileContents.JPEG);
        assertThat(FileContents.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}))
                .contains(FileContents.PNG);
        // A PNG signature cut short, HTML, a zip and nothing at all are none of them.
        assertThat(FileContents.sniff(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A}))
                .isEmpty();
        assertThat(FileContents.sniff("<html>%PDF-".getBytes(StandardCharsets.US_ASCII)))
                .isEmpty();
        assertThat(FileContents.sniff(new byte[] {'P', 'K', 3, 4})).isEmpty();
        assertThat(FileContents.sniff(new byte[0])).isEmpty();
    }

    @Test
    void sha256IsTheLowerCaseHexDigest() {
        assertThat(FileContents.sha256("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
