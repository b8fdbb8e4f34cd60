package vn.ocop.traceability;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Traceability settings ({@code ocop.traceability.*}).
 *
 * @param baseUrl the address QR codes carry and the resolver answers for ({@code https://<base>/01/…} and
 *     {@code https://<base>/t/…}); defaults to {@code ocop.public-url}. Printed labels keep it forever: choose it before
 *     the first batch is printed.
 * @param maxBatchSize the most stamps one batch may have
 * @param maxLabelsPerPdf the most labels one PDF download holds (larger batches are downloaded in ranges)
 */
@ConfigurationProperties("ocop.traceability")
public record TraceabilityProperties(
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("1000000") int maxBatchSize,
        @DefaultValue("1000") int maxLabelsPerPdf,
        @DefaultValue ScanLog scanLog,
        @DefaultValue Signals signals) {

    /** The base URL without a trailing slash. */
    public String base() {
        return DigitalLink.trimSlash(baseUrl);
    }

    /**
     * The scan log's group commit.
     *
     * @param ackTimeout how long a scan request waits for its batch to commit before it answers anyway (the scan is
     *     then not acknowledged: no scan id)
     * @param maxBatch the most scans written in one transaction
     * @param queueCapacity the most scans waiting in memory; beyond it scans are answered unlogged
     */
    public record ScanLog(
            @DefaultValue("2s") Duration ackTimeout,
            @DefaultValue("1000") int maxBatch,
            @DefaultValue("50000") int queueCapacity) {}

    /**
     * Thresholds of the signal job.
     *
     * @param lag how old a scan must be before the job counts it (every writer has committed by then); a browser may
     *     add its location until then
     * @param minScans the fewest scans of one stamp that can make a high-rate signal
     * @param rateFactor a stamp scanned this many times more than its lot's stamps on average is signalled
     * @param provinces a stamp located in this many provinces or more is signalled
     * @param malformedPerDay malformed inputs in one day that make a nationwide signal
     */
    public record Signals(
            @DefaultValue("2m") Duration lag,
            @DefaultValue("10") int minScans,
            @DefaultValue("5") double rateFactor,
            @DefaultValue("3") int provinces,
            @DefaultValue("50") int malformedPerDay) {}
}
