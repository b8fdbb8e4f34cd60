package vn.ocop.traceability;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.ProvinceMap;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;
import vn.ocop.traceability.StampLookup.StampRow;

/**
 * What the public sees: a stamp's scan (product, producer and place, live certificate, lot, tracking events, where to
 * buy, recall or suspension message) and a lot's public page. No login, no session: a scan is looked up and logged by
 * the scan log's writer, together with the other scans of its batch (see {@link ScanLog}); the answer waits for both.
 * A lot's public view comes from memory while its rows are at the versions it was read at. Unknown and
 * malformed codes are logged too (they feed the counterfeit signals) and answered "not found".
 */
@Service
public class PublicTrace {

    /** Where a scan came from. */
    public enum Channel {
        PAGE,
        API,
        RESOLVER
    }

    /**
     * A stamp as a scan shows it.
     *
     * @param scanId the scan's id in the log, {@code null} when it could not be logged in time
     * @param qrContent what the stamp's QR code carries
     * @param history how often the stamp was scanned before (counted every few minutes), or {@code null}
     */
    public record StampScan(
            @Nullable Long scanId,
            String code,
            String codePrinted,
            ScanOutcome outcome,
            String qrContent,
            PublicLot lot,
            BatchInfo batch,
            @Nullable History history) {}

    /** The stamp's batch: its number in the lot and status. */
    public record BatchInfo(
            int number, BatchStatus status, @Nullable String statusMessage) {}

    /** Earlier scans of the stamp. */
    public record History(int scans, Instant firstScannedAt) {}

    /**
     * A lot as the public sees it, with its product and live certificate.
     *
     * @param pastBestBefore whether today is after the best-before date
     * @param eventsUrl the EPCIS 2.0 JSON-LD document of the events
     */
    public record PublicLot(
            String key,
            String lotNumber,
            @Nullable String gtin,
            LocalDate productionDate,
            @Nullable LocalDate bestBefore,
            boolean pastBestBefore,
            @Nullable BigDecimal quantity,
            LotCommands.@Nullable Unit unit,
            @Nullable String rawMaterialArea,
            LotStatus status,
            @Nullable String statusMessage,
            List<PublicEvent> events,
            String pageUrl,
            String eventsUrl,
            PublicProduct product,
            PublicCertificate certificate) {

        /** What a scan of an active stamp of this lot would find (the lot's page shows the same verdict). */
        public ScanOutcome outcome() {
            return ScanOutcome.of(status, BatchStatus.ACTIVE, certificate.status());
        }
    }

    /** A tracking event as the public sees it (who recorded it is not shown). */
    public record PublicEvent(
            LotEventType type,
            OffsetDateTime occurredAt,
            String place,
            String party,
            String what,
            @Nullable BigDecimal quantity,
            LotCommands.@Nullable Unit unit) {}

    /**
     * The product: its name, OCOP code, producer, where it is made, the star (only while the certificate is in force)
     * and the shops selling it.
     */
    public record PublicProduct(
            String name,
            @Nullable String ocopCode,
            String producerName,
            String communeName,
            String provinceName,
            @Nullable Integer star,
            List<Shop> shops) {}

    /** A shop (e-commerce listing) selling the product. */
    public record Shop(String platform, String url) {}

    /**
     * The product's certificate, live.
     *
     * @param status on today; {@code null} when there is no certificate
     * @param verifyUrl the certification module's public verification page (platform certificates only)
     */
    public record PublicCertificate(
            CertificateState.Source source,
            @Nullable String number,
            CertificateState.@Nullable Status status,
            @Nullable Integer star,
            @Nullable String level,
            @Nullable LocalDate issuedOn,
            @Nullable LocalDate expiresOn,
            @Nullable LocalDate revokedOn,
            @Nullable String verifyUrl) {}

    private static final String LOT_COLUMNS = """
            l.id AS lot_id, l.product_id, l.public_key, l.lot_number, l.gtin, l.production_date, l.best_before,
            l.quantity, l.unit, l.raw_material_area, l.status AS lot_status, l.status_message AS lot_message,
            p.product_name, p.producer_name, p.commune_code, p.province_code, p.ocop_code, p.links, p.cert_source,
            p.cert_number, p.cert_star, p.cert_level, p.cert_status, p.cert_issued_on, p.cert_expires_on,
            p.cert_revoked_on,
            (SELECT json_agg(json_build_object('type', e.type, 'at', e.occurred_at, 'place', e.place, 'party', e.party,
                                               'what', e.what, 'quantity', e.quantity, 'unit', e.unit)
                             ORDER BY e.occurred_at, e.id)
               FROM lot_event e WHERE e.lot_id = l.id AND e.withdrawn_at IS NULL) AS events""";

    private static final String LOT_FROM = " FROM lot l JOIN trace_product p ON p.product_id = l.product_id";

    private static final String LOT_QUERY = "SELECT " + LOT_COLUMNS + LOT_FROM;

    /** A lot's public view with the versions of its rows, for keeping it in memory ({@link #lotView}). */
    private static final String LOT_VIEW_QUERY = "SELECT l.xmin::text AS lot_row, p.xmin::text AS product_row, "
            + LOT_COLUMNS + LOT_FROM + " WHERE l.id = ?";

    private final JdbcClient jdbc;
    private final ScanLog scanLog;
    private final StampLinks links;
    private final AdminUnits units;
    private final ProvinceMap provinces;
    private final JsonMapper json;
    private final TraceabilityProperties properties;
    private final Clock clock;

    /** Lots' public views by lot id, checked against their rows' versions at each scan ({@link #lotView}). */
    private final Cache<Long, CachedLot> lots = Caffeine.newBuilder()
            .maximumSize(20_000)
            .expireAfterAccess(Duration.ofMinutes(30))
            .build();

    PublicTrace(
            JdbcClient jdbc,
            ScanLog scanLog,
            StampLinks links,
            AdminUnits units,
            ProvinceMap provinces,
            JsonMapper json,
            TraceabilityProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.scanLog = scanLog;
        this.links = links;
        this.units = units;
        this.provinces = provinces;
        this.json = json;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Scans a stamp: looks it up, decides the {@link ScanOutcome}, logs the scan and returns what the public sees.
     * Input that is not a code is {@code TRC-014} (404), an unknown code {@code TRC-013} (404); both are logged.
     *
     * @param userAgent the request's User-Agent (only its family is kept)
     * @param latitude a position the client shares (rounded to 0.1° before anything else), or {@code null}
     */
    public StampScan scan(
            String input,
            Channel channel,
            @Nullable String userAgent,
            @Nullable Double latitude,
            @Nullable Double longitude) {
        Instant now = Instant.now(clock);
        String family = UserAgents.family(userAgent);
        Coordinates where = locate(latitude, longitude);
        Optional<StampCode> parsed = StampCode.parse(input);
        if (parsed.isEmpty()) {
            scanLog.record(new ScanLog.Scan(
                    now, null, null, null, ScanOutcome.MALFORMED, channel.name(), family, where, codeLike(input)));
            throw new OcopException(TraceabilityError.MALFORMED_CODE, StampCode.normalizedInput(input));
        }
        StampCode code = parsed.get();
        ScanLog.Logged<@Nullable CachedLot> logged = scanLog.lookUpAndRecord(code.bytes(), found -> {
            if (found == null) {
                return new ScanLog.Decision<>(unknown(code, null, channel, family, where, now), null);
            }
            CachedLot lot = lotView(found);
            return new ScanLog.Decision<>(
                    new ScanLog.Scan(
                            now,
                            code.bytes(),
                            found.lotId(),
                            found.batchId(),
                            outcome(lot, found),
                            channel.name(),
                            family,
                            where,
                            null),
                    lot);
        });
        StampRow stamp = logged.stamp();
        CachedLot cached = logged.answer();
        if (stamp == null || cached == null) {
            throw new OcopException(TraceabilityError.STAMP_NOT_FOUND, code.grouped());
        }
        PublicLot lot = cached.lot();
        return new StampScan(
                logged.id(),
                code.text(),
                code.grouped(),
                outcome(cached, stamp),
                links.stampUrl(cached.gtin(), lot.lotNumber(), code),
                lot,
                stamp.batch(),
                stamp.history());
    }

    private static ScanOutcome outcome(CachedLot lot, StampRow stamp) {
        return ScanOutcome.of(
                lot.lot().status(),
                stamp.batch().status(),
                lot.lot().certificate().status());
    }

    /**
     * The lot's public view: from memory when the lot's and the product's rows are still at the versions it was read
     * at and it was read today (the certificate's status and "past best-before" depend on the day), else read again.
     * So a recall, a new event, a suspended or revoked certificate shows on the next scan, on every node.
     */
    private CachedLot lotView(StampRow stamp) {
        LocalDate today = LocalDate.now(clock);
        CachedLot cached = lots.getIfPresent(stamp.lotId());
        if (cached != null
                && cached.lotRow().equals(stamp.lotRow())
                && cached.productRow().equals(stamp.productRow())
                && cached.day().equals(today)) {
            return cached;
        }
        CachedLot fresh = jdbc.sql(LOT_VIEW_QUERY)
                .param(stamp.lotId())
                .query((rs, n) -> new CachedLot(
                        rs.getString("lot_row"),
                        rs.getString("product_row"),
                        today,
                        rs.getString("gtin"),
                        publicLot(rs, n)))
                .single();
        lots.put(stamp.lotId(), fresh);
        return fresh;
    }

    /** A lot's public page by its public key (not logged as a scan); {@code TRC-001} (404) when unknown. */
    public PublicLot lot(String key) {
        return lotWhere(" WHERE l.public_key = ?", key.strip().toUpperCase(java.util.Locale.ROOT))
                .orElseThrow(() -> new OcopException(TraceabilityError.LOT_NOT_FOUND, shorten(key)));
    }

    /**
     * Adds the coarse location a browser shared to its scan (the scan page asks for it after the page is shown).
     * Accepted for the scan's own code, once, while the signal job has not yet counted the scan
     * ({@code ocop.traceability.signals.lag}); {@code TRC-023} (404) otherwise.
     */
    public void locate(String code, long scanId, double latitude, double longitude) {
        StampCode stamp = StampCode.parse(code)
                .orElseThrow(
                        () -> new OcopException(TraceabilityError.MALFORMED_CODE, StampCode.normalizedInput(code)));
        Coordinates where = locate(latitude, longitude);
        if (where == null) {
            throw new OcopException(TraceabilityError.SCAN_NOT_FOUND, scanId);
        }
        int updated = jdbc.sql("""
                        UPDATE scan SET lat = ?, lon = ?, province_code = ?
                         WHERE id = ? AND code = ? AND lat IS NULL AND scanned_at > ?""")
                .params(
                        where.latitude(),
                        where.longitude(),
                        where.provinceCode(),
                        scanId,
                        stamp.bytes(),
                        Timestamp.from(
                                Instant.now(clock).minus(properties.signals().lag())))
                .update();
        if (updated != 1) {
            throw new OcopException(TraceabilityError.SCAN_NOT_FOUND, scanId);
        }
    }

    // --- for the resolver ----------------------------------------------------------------------------------------

    /** The lot of a GTIN and lot number, if any. */
    Optional<PublicLot> lotOf(Gtin gtin, String lotNumber) {
        return lotWhere(" WHERE l.gtin = ? AND l.lot_number = ?", gtin.value(), lotNumber);
    }

    /** The newest lot with this GTIN, if any (what a GTIN alone resolves to). */
    Optional<PublicLot> newestLotOf(Gtin gtin) {
        return lotWhere(" WHERE l.gtin = ? ORDER BY l.production_date DESC, l.id DESC LIMIT 1", gtin.value());
    }

    /** Whether a stamp with this code belongs to this lot. */
    boolean stampOfLot(StampCode code, String lotKey) {
        return jdbc.sql("""
                        SELECT count(*) FROM stamp s JOIN stamp_batch b ON b.id = s.batch_id
                          JOIN lot l ON l.id = b.lot_id WHERE s.code = ? AND l.public_key = ?""").params(code.bytes(), lotKey).query(Long.class).single() > 0;
    }

    /**
     * Logs a resolver request for a serial that is no stamp of the lot (or no stamp at all), attributed to the lot
     * when the GTIN and lot are known: a strong sign of a copied label.
     */
    void logUnknownSerial(String serial, @Nullable Gtin gtin, @Nullable String lotNumber, @Nullable String userAgent) {
        Long lotId = gtin == null || lotNumber == null
                ? null
                : jdbc.sql("SELECT id FROM lot WHERE gtin = ? AND lot_number = ?")
                        .params(gtin.value(), lotNumber)
                        .query(Long.class)
                        .optional()
                        .orElse(null);
        Optional<StampCode> code = StampCode.parse(serial);
        String family = UserAgents.family(userAgent);
        Instant now = Instant.now(clock);
        if (code.isPresent()) {
            logUnknown(code.get(), lotId, Channel.RESOLVER, family, null, now);
        } else {
            scanLog.record(new ScanLog.Scan(
                    now,
                    null,
                    lotId,
                    null,
                    ScanOutcome.MALFORMED,
                    Channel.RESOLVER.name(),
                    family,
                    null,
                    codeLike(serial)));
        }
    }

    private void logUnknown(
            StampCode code,
            @Nullable Long lotId,
            Channel channel,
            String family,
            @Nullable Coordinates where,
            Instant now) {
        scanLog.record(unknown(code, lotId, channel, family, where, now));
    }

    /** The log entry of a well-formed code that no stamp has. */
    private static ScanLog.Scan unknown(
            StampCode code,
            @Nullable Long lotId,
            Channel channel,
            String family,
            @Nullable Coordinates where,
            Instant now) {
        return new ScanLog.Scan(
                now, code.bytes(), lotId, null, ScanOutcome.UNKNOWN, channel.name(), family, where, null);
    }

    // --- reading rows ---------------------------------------------------------------------------------------------

    /** A lot's public view as read at these row versions on this day, with its GTIN's 14 digits (or none). */
    private record CachedLot(
            String lotRow,
            String productRow,
            LocalDate day,
            @Nullable String gtin,
            PublicLot lot) {}

    private Optional<PublicLot> lotWhere(String where, Object... params) {
        return jdbc.sql(LOT_QUERY + where).params(params).query(this::publicLot).optional();
    }

    private PublicLot publicLot(ResultSet rs, int row) throws SQLException {
        LocalDate today = LocalDate.now(clock);
        CertificateState state = TracedProducts.certificate(rs);
        String unit = rs.getString("unit");
        LocalDate bestBefore = rs.getObject("best_before", LocalDate.class);
        String key = rs.getString("public_key");
        String gtin = rs.getString("gtin");
        PublicProduct product = new PublicProduct(
                rs.getString("product_name"),
                rs.getString("ocop_code"),
                rs.getString("producer_name"),
                units.currentName(rs.getString("commune_code")),
                units.currentName(rs.getString("province_code")),
                state.visibleStar(today),
                shops(rs.getString("links")));
        CertificateState.@Nullable Status status = state.statusOn(today);
        PublicCertificate certificate = new PublicCertificate(
                state.source(),
                state.number(),
                status,
                // While suspended the stars may not be shown (Art. 8), as on the certificate's own page and API.
                status == CertificateState.Status.SUSPENDED ? null : state.star(),
                state.level(),
                state.issuedOn(),
                state.expiresOn(),
                state.revokedOn(),
                state.source() == CertificateState.Source.PLATFORM && state.number() != null
                        ? links.certificatePage(state.number())
                        : null);
        return new PublicLot(
                key,
                rs.getString("lot_number"),
                gtin == null ? null : new Gtin(gtin).display(),
                rs.getObject("production_date", LocalDate.class),
                bestBefore,
                bestBefore != null && today.isAfter(bestBefore),
                rs.getBigDecimal("quantity"),
                unit == null ? null : LotCommands.Unit.valueOf(unit),
                rs.getString("raw_material_area"),
                LotStatus.valueOf(rs.getString("lot_status")),
                rs.getString("lot_message"),
                events(rs.getString("events")),
                links.lotPage(key),
                links.lotEvents(key),
                product,
                certificate);
    }

    private List<PublicEvent> events(@Nullable String text) {
        List<PublicEvent> events = new ArrayList<>();
        if (text == null) {
            return events;
        }
        for (JsonNode e : json.readTree(text)) {
            JsonNode quantity = e.get("quantity");
            JsonNode unit = e.get("unit");
            events.add(new PublicEvent(
                    LotEventType.valueOf(e.get("type").asString()),
                    OffsetDateTime.parse(e.get("at").asString())
                            .atZoneSameInstant(OcopClock.VIETNAM)
                            .toOffsetDateTime(),
                    e.get("place").asString(),
                    e.get("party").asString(),
                    e.get("what").asString(),
                    quantity == null || quantity.isNull() ? null : quantity.decimalValue(),
                    unit == null || unit.isNull() ? null : LotCommands.Unit.valueOf(unit.asString())));
        }
        return events;
    }

    private List<Shop> shops(String text) {
        List<Shop> shops = new ArrayList<>();
        for (JsonNode link : json.readTree(text)) {
            shops.add(new Shop(link.get("platform").asString(), link.get("url").asString()));
        }
        return shops;
    }

    private @Nullable Coordinates locate(@Nullable Double latitude, @Nullable Double longitude) {
        Coordinates coarse = Coordinates.coarse(latitude, longitude);
        return coarse == null
                ? null
                : coarse.in(provinces
                        .provinceAt(coarse.latitude(), coarse.longitude())
                        .orElse(null));
    }

    /** Keeps a malformed input only when it looks like a code of some system (letters and digits, 8–24 of them). */
    private static @Nullable String codeLike(String input) {
        String clean = StampCode.normalizedInput(input);
        return clean.matches("[0-9A-Z]{8,24}") ? clean : null;
    }

    private static String shorten(String s) {
        return s.length() > 40 ? s.substring(0, 40) : s;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }
}
