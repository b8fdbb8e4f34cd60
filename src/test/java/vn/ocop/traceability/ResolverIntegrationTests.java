package vn.ocop.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.head;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.IntegrationTest;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;

/**
 * The GS1 Digital Link resolver (default link, link types, RFC 9264 linkset in the GS1 linkset schema's shape,
 * unknown keys 404, syntax 400, CORS, description file) and the lot's EPCIS 2.0 JSON-LD document.
 */
@IntegrationTest
class ResolverIntegrationTests {

    /** From the GS1-Conformant Resolver linkset schema (relation keys, targets' href, hreflang and type). */
    private static final Pattern RELATION = Pattern.compile("^([a-z-]+$)|(^https?://[a-zA-z0-9./]+$)");

    private static final Pattern HREF = Pattern.compile("^https?://[a-zA-z0-9./]+");
    private static final Pattern HREFLANG = Pattern.compile("(^\\w{2}$)|(^\\w{2}-\\w{2}$)");
    private static final Pattern TYPE = Pattern.compile("\\w+/[-+.\\w]+");

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    Lots lots;

    @Autowired
    StampBatches batches;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    vn.ocop.evaluation.DossierFixtures dossierFixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    vn.ocop.certification.Certification certification;

    @Autowired
    vn.ocop.evaluation.EvaluationRounds rounds;

    @Autowired
    vn.ocop.evaluation.Dossiers dossiers;

    @Autowired
    vn.ocop.evaluation.CouncilScoring scoring;

    TraceFixtures fixtures;
    LotView lot;
    StampCode code;
    String gtin;

    @BeforeEach
    void aLotWithAGtinAndStamps() {
        fixtures = new TraceFixtures(producers, products, lots, batches, jdbc);
        String body = "893504" + String.format("%06d", (int) (Math.random() * 999_999));
        gtin = "0" + body + Gtin.checkDigit(body);
        lot = fixtures.lot(fixtures.certifiedProduct("Mắm tôm chà Gò Công " + gtin), gtin);
        fixtures.event(lot.id(), LotEventType.RECEIVED, "Tôm đất Gò Công");
        fixtures.event(lot.id(), LotEventType.PACKED, "Đóng hũ 200 g");
        LotView.Event shipped = fixtures.event(lot.id(), LotEventType.SHIPPED, "Giao đại lý nhầm");
        lots.withdrawEvent(lot.id(), shipped.id(), "Ghi nhầm", TraceFixtures.ADMIN);
        code = fixtures.codes(fixtures.activeBatch(lot.id(), 3).id()).get(0);
    }

    private String path() {
        return "/01/" + gtin + "/10/" + lot.lotNumber() + "/21/" + code.text();
    }

    @Test
    void aPlainRequestIsRedirectedToTheScanPageWithTheLinksetInALinkHeader() throws Exception {
        mvc.perform(get(path() + "?utm=qr&x=1"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://localhost:8080/t/" + code.text() + "?utm=qr&x=1"))
                .andExpect(header().string(
                                "Link",
                                "<http://localhost:8080" + path()
                                        + "?linkType=linkset>; rel=\"linkset\"; type=\"application/linkset+json\""));
        mvc.perform(get(path() + "/")).andExpect(status().isTemporaryRedirect());
        mvc.perform(head(path())).andExpect(status().isTemporaryRedirect());
        // A GTIN-13 in the URI is the same trade item as its GTIN-14.
        mvc.perform(get("/01/" + gtin.substring(1) + "/10/" + lot.lotNumber() + "/21/" + code.text()))
                .andExpect(status().isTemporaryRedirect());
    }

    @Test
    void theLinksetHasEveryLevelWithGs1LinkTypesInRfc9264Form() throws Exception {
        String body = mvc.perform(get(path() + "?linkType=linkset"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/linkset+json"))
                .andExpect(header().string("Link", containsString("rel=\"http://www.w3.org/ns/json-ld#context\"")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        JsonNode linkset = json.readTree(body);
        assertThat(linkset.propertyNames()).containsExactly("linkset");
        assertThat(linkset.get("linkset").isArray()).isTrue();
        List<String> anchors = new ArrayList<>();
        for (JsonNode context : linkset.get("linkset")) {
            anchors.add(context.get("anchor").asString());
            assertThat(HREF.matcher(context.get("anchor").asString()).lookingAt())
                    .isTrue();
            for (Map.Entry<String, JsonNode> relation : context.properties()) {
                if (relation.getKey().equals("anchor") || relation.getKey().equals("description")) {
                    continue;
                }
                assertThat(RELATION.matcher(relation.getKey()).find())
                        .as(relation.getKey())
                        .isTrue();
                assertThat(relation.getValue().isArray()).isTrue();
                for (JsonNode target : relation.getValue()) {
                    assertThat(HREF.matcher(target.get("href").asString()).lookingAt())
                            .isTrue();
                    assertThat(target.get("title").asString()).isNotBlank();
                    if (target.has("type")) {
                        assertThat(TYPE.matcher(target.get("type").asString()).find())
                                .isTrue();
                    }
                    if (target.has("hreflang")) {
                        target.get("hreflang")
                                .forEach(l -> assertThat(
                                                HREFLANG.matcher(l.asString()).find())
                                        .isTrue());
                    }
                }
            }
            // Exactly one default link per level, with a title and nothing else.
            assertThat(context.get("https://ref.gs1.org/voc/defaultLink")).hasSize(1);
            assertThat(context.get("https://ref.gs1.org/voc/defaultLink").get(0).propertyNames())
                    .containsExactlyInAnyOrder("href", "title");
        }
        String base = "http://localhost:8080";
        assertThat(anchors)
                .containsExactly(base + path(), base + "/01/" + gtin + "/10/" + lot.lotNumber(), base + "/01/" + gtin);
        JsonNode stamp = linkset.get("linkset").get(0);
        assertThat(stamp.get("https://ref.gs1.org/voc/pip").get(0).get("href").asString())
                .isEqualTo(base + "/t/" + code.text());
        assertThat(stamp.get("https://ref.gs1.org/voc/traceability")
                        .get(0)
                        .get("href")
                        .asString())
                .isEqualTo(base + "/api/v1/epcis/lots/" + lot.publicKey());
        assertThat(stamp.get("https://ref.gs1.org/voc/traceability")
                        .get(0)
                        .get("type")
                        .asString())
                .isEqualTo("application/ld+json");
        // The same linkset when asked with the Accept header, and with the deprecated linkType=all.
        mvc.perform(get(path()).accept("application/linkset+json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.linkset[0].anchor").value(base + path()));
        mvc.perform(get(path() + "?linkType=all")).andExpect(status().isOk());
    }

    @Test
    void aRequestedLinkTypeRedirectsToItsLinkAndAnUnknownOneIs404() throws Exception {
        mvc.perform(get(path() + "?linkType=gs1:traceability"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://localhost:8080/api/v1/epcis/lots/" + lot.publicKey()));
        mvc.perform(get(path() + "?linkType=https://gs1.org/voc/pip"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://localhost:8080/t/" + code.text()));
        mvc.perform(get(path() + "?linkType=gs1:nosuchlt"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TRC-022"));
        // The lot alone resolves to the lot's page, which shows the lot without a stamp.
        mvc.perform(get("/01/" + gtin + "/10/" + lot.lotNumber()))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://localhost:8080/t/l/" + lot.publicKey()));
        mvc.perform(get("/t/l/" + lot.publicKey()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(lot.lotNumber())))
                .andExpect(content().string(containsString("Tôm đất Gò Công")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("Giao đại lý nhầm"))));
    }

    @Test
    void unknownKeysAre404AndMalformedOnes400() throws Exception {
        long unknownBefore = jdbc.sql("SELECT count(*) FROM scan WHERE outcome = 'UNKNOWN' AND lot_id = ?")
                .param(lot.id())
                .query(Long.class)
                .single();
        StampCode stranger = StampCode.of(StampCodes.generate(1));
        mvc.perform(get("/01/" + gtin + "/10/" + lot.lotNumber() + "/21/" + stranger.text()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TRC-021"))
                .andExpect(jsonPath("$.detail", containsString(stranger.text())));
        assertThat(jdbc.sql("SELECT count(*) FROM scan WHERE outcome = 'UNKNOWN' AND lot_id = ?")
                        .param(lot.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(unknownBefore + 1);
        mvc.perform(get("/01/" + gtin + "/10/NO-SUCH-LOT/21/" + code.text())).andExpect(status().isNotFound());
        mvc.perform(get("/01/08935049501299")).andExpect(status().isNotFound());
        mvc.perform(get("/01/" + gtin.substring(0, 13) + ((gtin.charAt(13) - '0' + 1) % 10)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TRC-003"));
        mvc.perform(get(path() + "/foo"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TRC-020"));
        mvc.perform(get("/01/abc").accept(MediaType.TEXT_HTML))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("GS1 Digital Link")));
    }

    @Test
    void aPlatformCertificateIsLinkedToItsVerificationPage() throws Exception {
        vn.ocop.certification.Certificate certificate = new vn.ocop.certification.IssuedCertificates(
                        producers, products, rounds, dossiers, scoring, certification, jdbc, dossierFixtures)
                .province(
                        "Nấm linh chi Tháp Mười " + gtin,
                        java.time.LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM)
                                .minusMonths(1));
        String body = "893505" + gtin.substring(7, 13);
        String other = "0" + body + Gtin.checkDigit(body);
        LotView certified = fixtures.lot(certificate.productId(), other);
        mvc.perform(get("/01/" + other + "/10/" + certified.lotNumber() + "?linkType=gs1:certificationInfo"))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://localhost:8080/verify/" + certificate.number()));
        mvc.perform(get("/01/" + other))
                .andExpect(status().isTemporaryRedirect())
                .andExpect(header().string("Location", "http://localhost:8080/verify/" + certificate.number()));
    }

    @Test
    void theResolverDescribesItselfAndAllowsCrossOriginUse() throws Exception {
        mvc.perform(get("/.well-known/gs1resolver"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.resolverRoot").value("http://localhost:8080"))
                .andExpect(jsonPath("$.supportedPrimaryKeys[0]").value("01"))
                .andExpect(jsonPath("$.supportedLinkType[0].prefix").value("gs1:"));
        mvc.perform(options(path())
                        .header("Origin", "https://scanner.example")
                        .header("Access-Control-Request-Method", "GET"))
                .andExpect(status().isOk())
                .andExpect(header().string("Access-Control-Allow-Origin", "*"))
                .andExpect(header().string("Access-Control-Allow-Methods", containsString("HEAD")));
        mvc.perform(get(path()).header("Origin", "https://scanner.example"))
                .andExpect(header().string("Access-Control-Allow-Origin", "*"));
    }

    @Test
    void theLotsEventsAreAnEpcis2JsonLdDocument() throws Exception {
        String body = mvc.perform(get("/api/v1/epcis/lots/" + lot.publicKey()))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/ld+json"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target"));
        java.nio.file.Files.writeString(java.nio.file.Path.of("target/epcis-sample.jsonld"), body);
        JsonNode document = json.readTree(body);
        assertThat(document.get("@context").get(0).asString())
                .isEqualTo("https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld");
        assertThat(document.get("type").asString()).isEqualTo("EPCISDocument");
        assertThat(document.get("schemaVersion").asString()).isEqualTo("2.0");
        assertThat(document.get("creationDate").asString()).matches("\\d{4}-\\d\\d-\\d\\dT.*\\+07:00");
        JsonNode events = document.get("epcisBody").get("eventList");
        assertThat(events).hasSize(3);
        String lotClass = "http://localhost:8080/01/" + gtin + "/10/" + lot.lotNumber();
        for (JsonNode event : events) {
            assertThat(event.get("type").asString()).isEqualTo("ObjectEvent");
            assertThat(event.get("eventID").asString()).startsWith("urn:uuid:");
            assertThat(event.get("eventTimeZoneOffset").asString()).isEqualTo("+07:00");
            assertThat(event.get("eventTime").asString()).endsWith("+07:00");
            assertThat(event.get("action").asString()).isIn("OBSERVE", "ADD");
            assertThat(event.get("readPoint").get("id").asString())
                    .isEqualTo("http://localhost:8080/api/v1/admin-units/29869");
        }
        assertThat(events.get(0).get("bizStep").asString()).isEqualTo("receiving");
        assertThat(events.get(0).get("epcList")).isEmpty();
        assertThat(events.get(1).get("bizStep").asString()).isEqualTo("packing");
        assertThat(events.get(1).get("quantityList").get(0).get("epcClass").asString())
                .isEqualTo(lotClass);
        assertThat(events.get(2).get("bizStep").asString()).isEqualTo("shipping");
        assertThat(events.get(2).get("errorDeclaration").get("reason").asString())
                .isEqualTo("incorrect_data");
        assertThat(document.get("epcisHeader")
                        .get("epcisMasterData")
                        .get("vocabularyList")
                        .get(0)
                        .get("vocabularyElementList")
                        .get(0)
                        .get("id")
                        .asString())
                .isEqualTo(lotClass);
        mvc.perform(get("/api/v1/epcis/lots/NOSUCHKEY")).andExpect(status().isNotFound());
    }
}
