package vn.ocop.traceability;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/** The public addresses of stamps and lots under the configured base URL ({@code ocop.traceability.base-url}). */
@Component
@EnableConfigurationProperties(TraceabilityProperties.class)
public class StampLinks {

    private final String base;

    StampLinks(TraceabilityProperties properties) {
        this.base = properties.base();
    }

    /** What a stamp's QR code carries: its GS1 Digital Link URI when the lot has a GTIN, else the scan page. */
    public String stampUrl(@Nullable String gtin, String lotNumber, StampCode code) {
        return gtin == null
                ? base + "/t/" + code.text()
                : new DigitalLink(new Gtin(gtin), lotNumber, code.text()).uri(base);
    }

    /** The public scan page of a stamp. */
    public String scanPage(StampCode code) {
        return base + "/t/" + code.text();
    }

    /** The public page of a lot (no stamp). */
    public String lotPage(String lotKey) {
        return base + "/t/l/" + lotKey;
    }

    /** The lot's tracking events as an EPCIS 2.0 JSON-LD document. */
    public String lotEvents(String lotKey) {
        return base + "/api/v1/epcis/lots/" + lotKey;
    }

    /** The certification module's public verification page of a certificate. */
    public String certificatePage(String number) {
        return base + "/verify/" + number;
    }

    public String base() {
        return base;
    }
}
