package vn.ocop.traceability;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;

/**
 * A lot's critical tracking events as a GS1 EPCIS 2.0 document in JSON-LD (EPCIS/CBV 2.0): one {@code ObjectEvent} per
 * event, with the CBV business step and disposition of its {@link LotEventType}, the lot as a class-level identifier
 * (its GS1 Digital Link URI {@code …/01/{gtin}/10/{lot}} when the lot has a GTIN, else its public page) with the
 * quantity, the place as read point, the certificate's verification page as {@code certificationInfo}, and the
 * lot's best-before date as instance/lot master data on the event that created the lot. Free-text facts (place, who,
 * what) are extension fields in this platform's namespace. A withdrawn event stays in the document with an
 * {@code errorDeclaration} (reason {@code incorrect_data}), as EPCIS corrects records.
 */
@Service
public class EpcisExport {

    /** The EPCIS 2.0 media type. */
    public static final String MEDIA_TYPE = "application/ld+json";

    static final String CONTEXT = "https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final JdbcClient jdbc;
    private final Lots lots;
    private final StampLinks links;
    private final Clock clock;

    EpcisExport(JdbcClient jdbc, Lots lots, StampLinks links, Clock clock) {
        this.jdbc = jdbc;
        this.lots = lots;
        this.clock = clock;
        this.links = links;
    }

    /** Public: the events of the lot with this public key; {@code TRC-001} (404) when unknown. */
    public Map<String, Object> ofLot(String key) {
        long id = jdbc.sql("SELECT id FROM lot WHERE public_key = ?")
                .param(key.strip().toUpperCase(java.util.Locale.ROOT))
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new OcopException(TraceabilityError.LOT_NOT_FOUND, key.length() > 40 ? "" : key));
        return document(lots.find(id));
    }

    /** The events of a lot the actor may see. */
    public Map<String, Object> ofLot(long lotId, CurrentUser actor) {
        return document(lots.get(lotId, actor));
    }

    private Map<String, Object> document(LotView lot) {
        String lotClass = lot.gtin() == null
                ? links.lotPage(lot.publicKey())
                : new DigitalLink(new Gtin(lot.gtin()), lot.lotNumber(), null).uri(links.base());
        String certificate = jdbc.sql("""
                        SELECT cert_number FROM trace_product
                         WHERE product_id = ? AND cert_source = 'PLATFORM' AND cert_number IS NOT NULL""")
                .param(lot.productId())
                .query(String.class)
                .optional()
                .map(links::certificatePage)
                .orElse(null);
        List<LotView.Event> events = jdbc.sql("SELECT * FROM lot_event WHERE lot_id = ? ORDER BY occurred_at, id")
                .param(lot.id())
                .query(LotRows::event)
                .list();
        List<Map<String, Object>> eventList = new ArrayList<>();
        for (LotView.Event e : events) {
            eventList.add(event(e, lot, lotClass, certificate));
        }
        Map<String, Object> vocabulary = new LinkedHashMap<>();
        vocabulary.put("type", "urn:epcglobal:epcis:vtype:EPCClass");
        vocabulary.put(
                "vocabularyElementList",
                List.of(Map.of(
                        "id",
                        lotClass,
                        "attributes",
                        List.of(
                                Map.of("id", "urn:epcglobal:cbv:mda#descriptionShort", "attribute", lot.productName()),
                                Map.of("id", "urn:epcglobal:cbv:mda#lotNumber", "attribute", lot.lotNumber())))));
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@context", List.of(CONTEXT, Map.of("ocop", links.base() + "/epcis/voc/")));
        document.put("id", links.lotEvents(lot.publicKey()));
        document.put("type", "EPCISDocument");
        document.put("schemaVersion", "2.0");
        document.put("creationDate", TIME.format(now()));
        document.put("epcisHeader", Map.of("epcisMasterData", Map.of("vocabularyList", List.of(vocabulary))));
        document.put("epcisBody", Map.of("eventList", eventList));
        return document;
    }

    private Map<String, Object> event(LotView.Event e, LotView lot, String lotClass, @Nullable String certificate) {
        OffsetDateTime at = e.occurredAt().atZoneSameInstant(OcopClock.VIETNAM).toOffsetDateTime();
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", "ObjectEvent");
        event.put("eventID", "urn:uuid:" + e.uuid());
        event.put("eventTime", TIME.format(at));
        event.put(
                "eventTimeZoneOffset",
                at.getOffset().getId().equals("Z") ? "+00:00" : at.getOffset().getId());
        event.put("recordTime", TIME.format(e.recordedAt().atOffset(ZoneOffset.UTC)));
        if (e.type() == LotEventType.RECEIVED) {
            // The raw materials have no identifier of their own here: described in the extension fields.
            event.put("epcList", List.of());
        } else {
            Map<String, Object> quantity = new LinkedHashMap<>();
            quantity.put("epcClass", lotClass);
            if (e.quantity() != null && e.unit() != null) {
                quantity.put("quantity", e.quantity());
                quantity.put("uom", e.unit().name());
            }
            event.put("quantityList", List.of(quantity));
        }
        event.put("action", e.type() == LotEventType.PROCESSED ? "ADD" : "OBSERVE");
        event.put("bizStep", e.type().bizStep());
        event.put("disposition", e.type().disposition());
        if (e.placeCommuneCode() != null) {
            event.put("readPoint", Map.of("id", links.base() + "/api/v1/admin-units/" + e.placeCommuneCode()));
        }
        if (certificate != null) {
            event.put("certificationInfo", certificate);
        }
        if (e.type() == LotEventType.PROCESSED && lot.bestBefore() != null) {
            event.put("ilmd", Map.of("cbvmda:bestBeforeDate", lot.bestBefore().toString()));
        }
        if (e.withdrawn()) {
            event.put(
                    "errorDeclaration",
                    Map.of(
                            "declarationTime",
                            TIME.format(e.withdrawnAt().atOffset(ZoneOffset.UTC)),
                            "reason",
                            "incorrect_data"));
        }
        event.put("ocop:place", e.place());
        event.put("ocop:party", e.party());
        event.put("ocop:what", e.what());
        if (e.type() == LotEventType.RECEIVED && e.quantity() != null && e.unit() != null) {
            event.put("ocop:quantity", e.quantity());
            event.put("ocop:uom", e.unit().name());
        }
        return event;
    }

    private OffsetDateTime now() {
        return Instant.now(clock)
                .truncatedTo(ChronoUnit.MILLIS)
                .atZone(OcopClock.VIETNAM)
                .toOffsetDateTime();
    }
}
