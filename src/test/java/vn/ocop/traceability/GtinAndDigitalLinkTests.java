package vn.ocop.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.ocop.shared.OcopException;

/** GTINs with their check digit, and GS1 Digital Link URIs built and read back to the same keys. */
class GtinAndDigitalLinkTests {

    @Test
    void acceptsGtinsOfEveryLengthWithTheirCheckDigit() {
        assertThat(Gtin.parse("8935049501237").value()).isEqualTo("08935049501237"); // GTIN-13 (Viet Nam 893)
        assertThat(Gtin.parse("96385074").value()).isEqualTo("00000096385074"); // GTIN-8
        assertThat(Gtin.parse("036000291452").value()).isEqualTo("00036000291452"); // GTIN-12 (UPC-A)
        assertThat(Gtin.parse("10614141000415").value()).isEqualTo("10614141000415"); // GTIN-14
        assertThat(Gtin.parse("893 5049 50123 7").display()).isEqualTo("8935049501237");
    }

    @Test
    void refusesAGtinWithAWrongCheckDigit() {
        assertThatThrownBy(() -> Gtin.parse("8935049501234"))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(TraceabilityError.INVALID_GTIN));
        assertThat(Gtin.tryParse("10614141000416")).isEmpty();
        assertThat(Gtin.tryParse("12345")).isEmpty();
        assertThat(Gtin.tryParse("893504950123A")).isEmpty();
        assertThatThrownBy(() -> new Gtin("08935049501234")).isInstanceOf(OcopException.class);
    }

    @Test
    void buildsTheDigitalLinkOfAStampAndReadsItBack() {
        StampCode code = StampCode.of(StampCodes.generate(1));
        DigitalLink link = new DigitalLink(Gtin.parse("8935049501237"), "L2026-01.A", code.text());
        String uri = link.uri("https://ocop.example.vn/");
        assertThat(uri).isEqualTo("https://ocop.example.vn/01/08935049501237/10/L2026-01.A/21/" + code.text());
        DigitalLink read = DigitalLink.parsePath(uri.substring("https://ocop.example.vn".length()));
        assertThat(read).isEqualTo(link);
        assertThat(read.parent()).isEqualTo(new DigitalLink(link.gtin(), "L2026-01.A", null));
        assertThat(read.parent().parent()).isEqualTo(new DigitalLink(link.gtin(), null, null));
        assertThat(read.parent().parent().parent()).isNull();
    }

    @Test
    void readsShorterGtinsLotsWithEncodedCharactersAndTrailingSlashes() {
        assertThat(DigitalLink.parsePath("/01/8935049501237/10/AB%2F12/"))
                .isEqualTo(new DigitalLink(new Gtin("08935049501237"), "AB/12", null));
        assertThat(new DigitalLink(new Gtin("08935049501237"), "AB/12", null).uri("https://x.vn"))
                .isEqualTo("https://x.vn/01/08935049501237/10/AB%2F12");
        assertThat(DigitalLink.parsePath("/01/08935049501237/21/XYZ"))
                .isEqualTo(new DigitalLink(new Gtin("08935049501237"), null, "XYZ"));
    }

    @Test
    void refusesPathsThatAreNotDigitalLinks() {
        for (String path : new String[] {
            "/01",
            "/01/",
            "/02/08935049501237",
            "/01/abc",
            "/01/08935049501237/foo",
            "/01/08935049501237/10",
            "/01/08935049501237/21/S/10/L",
            "/01/08935049501237/10/L/10/M",
            "/01/08935049501237/10/" + "L".repeat(21),
            "/01/08935049501237/10/L%C3%94",
            "/01/08935049501237/22/CPV/10/L"
        }) {
            assertThatThrownBy(() -> DigitalLink.parsePath(path))
                    .as(path)
                    .isInstanceOfSatisfying(
                            OcopException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(TraceabilityError.DIGITAL_LINK_MALFORMED));
        }
        assertThatThrownBy(() -> DigitalLink.parsePath("/01/08935049501234/10/L"))
                .isInstanceOfSatisfying(
                        OcopException.class, e -> assertThat(e.errorCode()).isEqualTo(TraceabilityError.INVALID_GTIN));
    }
}
