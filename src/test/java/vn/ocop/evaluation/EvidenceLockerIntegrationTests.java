package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.storage.StorageProperties;

/** A producer's evidence locker and dossier attachments: checks on upload, reuse, carry-over and who may see what. */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated("compares every stored file before and after")
class EvidenceLockerIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final String CAO_LANH = "29869";
    private static final String SA_DEC = "29905";

    @Autowired
    vn.ocop.evaluation.DossierFixtures fixtures;

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    EvidenceLocker locker;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    StorageProperties storage;

    private final CurrentUser admin = TestUsers.admin();

    @Test
    void producerUploadsDocumentsWithTheirTypeRecognisedByContent() throws Exception {
        ProductView product = aProduct(CAO_LANH);
        CurrentUser owner = TestUsers.producerAccount(product.producerId());
        byte[] pdf = pdf("Giấy chứng nhận đăng ký kinh doanh");

        // Named .txt and declared as text, the bytes are a PDF: that is what counts.
        long docId = id(upload(owner, product.producerId(), "BUSINESS_REGISTRATION", "gcn dkkd.txt", "text/plain", pdf)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("application/pdf"))
                .andExpect(jsonPath("$.sizeBytes").value(pdf.length))
                .andExpect(jsonPath("$.sha256").value(sha256(pdf))));
        upload(owner, product.producerId(), "LABEL", "nhan.png", "image/png", png())
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.contentType").value("image/png"));

        mvc.perform(get("/api/v1/producers/" + product.producerId() + "/evidence")
                        .with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath("$[1].id").value(docId));
        mvc.perform(get("/api/v1/evidence/" + docId).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf))
                .andExpect(header().string("Content-Disposition", org.hamcrest.Matchers.startsWith("inline")))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
        assertThat(audited("evidence.uploaded", Long.toString(docId))).isEqualTo(1);
    }

    @Test
    void wrongTypeOversizedEmptyAndDuplicateFilesGetClearErrorsAndLeaveNothingBehind() throws Exception {
        ProductView product = aProduct(CAO_LANH);
        long producer = product.producerId();
        CurrentUser owner = TestUsers.producerAccount(producer);
        byte[] pdf = pdf("Phiếu kết quả kiểm nghiệm");
        long first = id(upload(owner, producer, "LAB_TEST", "kiem-nghiem.pdf", "application/pdf", pdf)
                .andExpect(status().isCreated()));
        long filesBefore = storedFiles();

        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        upload(owner, producer, "LAB_TEST", "ket-qua.pdf", "application/pdf", html)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-023"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("PDF, JPEG")));
        byte[] big = new byte[(int) EvidenceLocker.MAX_BYTES + 1];
        System.arraycopy(pdf, 0, big, 0, pdf.length);
        upload(owner, producer, "LAB_TEST", "lon.pdf", "application/pdf", big)
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.code").value("EVAL-022"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("10 MB")));
        upload(owner, producer, "LAB_TEST", "rong.pdf", "application/pdf", new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-021"));
        upload(owner, producer, "LAB_TEST", "ban-sao.pdf", "application/pdf", pdf)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVAL-024"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(Long.toString(first))));
        upload(owner, producer, "DRIVING_LICENCE", "x.pdf", "application/pdf", pdf("khác"))
                .andExpect(status().isBadRequest());

        assertThat(documents(producer)).isEqualTo(1);
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void anUploadWhoseTransactionFailsLeavesNeitherRowNorFile() throws IOException {
        ProductView product = aProduct(CAO_LANH);
        long filesBefore = storedFiles();

        tx.executeWithoutResult(status -> {
            locker.upload(product.producerId(), "PRODUCT_STORY", "cau-chuyen.pdf", pdf("Câu chuyện"), null, admin);
            status.setRollbackOnly(); // the failure after the file was written and the row inserted
        });

        assertThat(documents(product.producerId())).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);
    }

    @Test
    void documentsAreAttachedToDossiersAndCarriedOverToAReevaluation() throws Exception {
        ProductView product = aProduct(CAO_LANH);
        CurrentUser owner = TestUsers.producerAccount(product.producerId());
        CurrentUser otherCommune = TestUsers.communeOfficer(SA_DEC);
        CurrentUser commune = TestUsers.communeOfficer(CAO_LANH);
        long registration = id(upload(
                owner, product.producerId(), "BUSINESS_REGISTRATION", "dkkd.pdf", "application/pdf", pdf("ĐKKD")));
        long foodSafety =
                id(upload(owner, product.producerId(), "FOOD_SAFETY_CERTIFICATE", "attp.jpg", "image/jpeg", jpeg()));
        long round2026 = round(2026);
        long dossier = dossier(commune, round2026, product, "FIRST");

        attach(otherCommune, dossier, registration).andExpect(status().isForbidden());
        attach(owner, dossier, registration).andExpect(status().isOk());
        attach(owner, dossier, registration).andExpect(status().isOk()); // twice changes nothing
        attach(owner, dossier, foodSafety)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2));
        assertThat(audited("dossier.attached", Long.toString(dossier))).isEqualTo(2);

        // Another producer's document cannot be attached (it is not in this locker).
        ProductView stranger = aProduct(CAO_LANH);
        long strangers = id(upload(
                TestUsers.producerAccount(stranger.producerId()),
                stranger.producerId(),
                "LABEL",
                "nhan.pdf",
                "application/pdf",
                pdf("Nhãn lạ")));
        attach(owner, dossier, strangers).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/evidence/" + strangers).with(as(owner))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/evidence/" + registration).with(as(otherCommune)))
                .andExpect(status().isForbidden());

        // Once submitted, the dossier's documents are frozen.
        fixtures.complete(dossier, commune);
        mvc.perform(post("/api/v1/dossiers/" + dossier + "/submit").with(as(commune)))
                .andExpect(status().isOk());
        long late = id(upload(owner, product.producerId(), "OTHER", "bo-sung.png", "image/png", png()));
        attach(owner, dossier, late).andExpect(status().isConflict());

        // A re-evaluation dossier in a later round (its certificate expiring in 150 days: the window is open) starts
        // with the previous dossier's documents.
        products.recordRating(
                product.id(),
                new vn.ocop.product.CurrentRating(
                        3,
                        "RL-" + product.id() + "/QĐ-UBND",
                        java.time.LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM)
                                .plusDays(150)
                                .minusMonths(36),
                        null,
                        null,
                        "IMPORTED"),
                TestUsers.provinceOfficer("82"));
        long reevaluation = dossier(commune, round(2027), product, "REEVALUATION");
        mvc.perform(get("/api/v1/dossiers/" + reevaluation + "/attachments").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(2))
                .andExpect(jsonPath(
                        "$[*].id", org.hamcrest.Matchers.containsInAnyOrder((int) registration, (int) foodSafety)));
        mvc.perform(get("/api/v1/dossiers/" + reevaluation + "/attachments").with(as(otherCommune)))
                .andExpect(status().isForbidden());
    }

    @Test
    void expiredDocumentsAreRefusedAndThoseThatExpireAfterAttachingAreFlagged() throws Exception {
        ProductView product = aProduct(CAO_LANH);
        long producer = product.producerId();
        CurrentUser owner = TestUsers.producerAccount(producer);
        long filesBefore = storedFiles();

        mvc.perform(multipart("/api/v1/producers/" + producer + "/evidence")
                        .file(new MockMultipartFile("file", "attp-cu.pdf", "application/pdf", pdf("ATTP 2019")))
                        .param("kind", "FOOD_SAFETY_CERTIFICATE")
                        .param("validUntil", "2020-01-31")
                        .with(as(owner)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-028"))
                .andExpect(jsonPath("$.detail")
                        .value("Tài liệu đã hết hiệu lực từ ngày 31/01/2020; hãy tải lên bản còn hiệu lực."));
        assertThat(documents(producer)).isZero();
        assertThat(storedFiles()).isEqualTo(filesBefore);

        String nextYear = LocalDate.now(OcopClock.VIETNAM).plusYears(1).toString();
        long certificate = id(mvc.perform(multipart("/api/v1/producers/" + producer + "/evidence")
                .file(new MockMultipartFile("file", "attp-moi.pdf", "application/pdf", pdf("ATTP 2026")))
                .param("kind", "FOOD_SAFETY_CERTIFICATE")
                .param("validUntil", nextYear)
                .with(as(owner))));
        long lapsed = id(mvc.perform(multipart("/api/v1/producers/" + producer + "/evidence")
                .file(new MockMultipartFile("file", "kiem-nghiem-cu.pdf", "application/pdf", pdf("Kiểm nghiệm")))
                .param("kind", "LAB_TEST")
                .param("validUntil", nextYear)
                .with(as(owner))));
        long dossier = dossier(TestUsers.communeOfficer(CAO_LANH), round(2026), product, "FIRST");
        attach(owner, dossier, certificate).andExpect(status().isOk());
        mvc.perform(get("/evaluation/dossiers/" + dossier).with(as(owner)))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("kiem-nghiem-cu.pdf")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Hết hiệu lực"))));
        // Time passes: both documents' validity ends, one attached, one still in the locker.
        jdbc.sql("UPDATE evidence_document SET valid_until = DATE '2021-06-30' WHERE id IN (?, ?)")
                .params(certificate, lapsed)
                .update();

        attach(owner, dossier, lapsed)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-028"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("30/06/2021")));
        mvc.perform(get("/api/v1/dossiers/" + dossier + "/attachments").with(as(owner)))
                .andExpect(jsonPath("$.length()").value(1));

        String page = mvc.perform(get("/evaluation/dossiers/" + dossier).with(as(owner)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .as("the attached document is shown as expired")
                .contains("attp-moi.pdf")
                .contains("30/06/2021")
                .contains("Hết hiệu lực");
        assertThat(page)
                .as("an expired locker document is not offered for attaching")
                .doesNotContain("kiem-nghiem-cu.pdf");
    }

    @Test
    void theDossierPageUploadsAttachesAndExplainsARefusedFile() throws Exception {
        ProductView product = aProduct(CAO_LANH);
        CurrentUser owner = TestUsers.producerAccount(product.producerId());
        long dossier = dossier(TestUsers.communeOfficer(CAO_LANH), round(2026), product, "FIRST");
        long inLocker = id(upload(owner, product.producerId(), "LABEL", "nhãn cũ.pdf", "application/pdf", pdf("Nhãn")));

        mvc.perform(multipart("/evaluation/dossiers/" + dossier + "/documents")
                        .file(new MockMultipartFile("file", "giấy ATTP.pdf", "application/pdf", pdf("ATTP")))
                        .param("kind", "FOOD_SAFETY_CERTIFICATE")
                        .param("validUntil", "2028-12-31")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "upload"));
        mvc.perform(post("/evaluation/dossiers/" + dossier + "/attach")
                        .param("documentId", Long.toString(inLocker))
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(flash().attribute("done", "attach"));
        mvc.perform(multipart("/evaluation/dossiers/" + dossier + "/documents")
                        .file(new MockMultipartFile("file", "virus.exe", "application/pdf", "MZ\u0090".getBytes()))
                        .param("kind", "OTHER")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.containsString("Chỉ nhận tệp PDF")));

        mvc.perform(get("/evaluation/dossiers/" + dossier).with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("giấy ATTP.pdf")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("31/12/2028")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("nhãn cũ.pdf")))
                .andExpect(
                        content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("virus.exe"))));
    }

    @Test
    void aReevaluationFiledOnTheRoundPageStartsFromThePreviousDossier() throws Exception {
        ProductView product = aProduct(CAO_LANH);
        CurrentUser owner = TestUsers.producerAccount(product.producerId());
        long first = id(mvc.perform(post("/api/v1/dossiers")
                        .with(as(owner))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":%d,\"productId\":%d,\"kind\":\"FIRST\",\"selfAssessment\":{\"1.1\":2}}"
                                .formatted(round(2026), product.id())))
                .andExpect(status().isCreated()));
        long label = id(upload(owner, product.producerId(), "LABEL", "nhan.pdf", "application/pdf", pdf("Nhãn")));
        attach(owner, first, label).andExpect(status().isOk());
        // The product was certified 36 months before a day 150 days from now: its re-evaluation window is open.
        products.recordRating(
                product.id(),
                new vn.ocop.product.CurrentRating(
                        3,
                        "RE-" + product.id() + "/QĐ-UBND",
                        java.time.LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM)
                                .plusDays(150)
                                .minusMonths(36),
                        null,
                        null,
                        "IMPORTED"),
                TestUsers.provinceOfficer("82"));
        long later = round(2029);

        // The round's filing page offers the producer its own products, and files the dossier from the form.
        mvc.perform(get("/evaluation/rounds/" + later + "/file").with(as(owner)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("apply-form")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Mắm tôm chua")));
        String location = mvc.perform(post("/evaluation/rounds/" + later + "/dossiers")
                        .param("productId", Long.toString(product.id()))
                        .param("kind", "REEVALUATION")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", "create"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long reevaluation = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));

        mvc.perform(get("/api/v1/dossiers/" + reevaluation).with(as(owner)))
                .andExpect(jsonPath("$.kind").value("REEVALUATION"))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.selfAssessment['1.1']").value(2));
        mvc.perform(get("/api/v1/dossiers/" + reevaluation + "/attachments").with(as(owner)))
                .andExpect(jsonPath("$[0].id").value(label));
        // The same product twice in a round: a message on the round page, not an error page.
        mvc.perform(post("/evaluation/rounds/" + later + "/dossiers")
                        .param("productId", Long.toString(product.id()))
                        .param("kind", "REEVALUATION")
                        .with(as(owner))
                        .with(csrf()))
                .andExpect(redirectedUrl("/evaluation/rounds/" + later + "/file"))
                .andExpect(flash().attribute("error", org.hamcrest.Matchers.notNullValue()));
    }

    private ResultActions upload(
            CurrentUser user, long producerId, String kind, String name, String declaredType, byte[] bytes)
            throws Exception {
        return mvc.perform(multipart("/api/v1/producers/" + producerId + "/evidence")
                .file(new MockMultipartFile("file", name, declaredType, bytes))
                .param("kind", kind)
                .with(as(user)));
    }

    private ResultActions attach(CurrentUser user, long dossier, long document) throws Exception {
        return mvc.perform(post("/api/v1/dossiers/" + dossier + "/attachments")
                .with(as(user))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"documentId\":" + document + "}"));
    }

    private long round(int year) throws Exception {
        return id(mvc.perform(post("/api/v1/evaluation-rounds")
                        .with(as(TestUsers.provinceOfficer("82")))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"Đợt tài liệu %d-%d","level":"PROVINCE","provinceCode":"82","year":%d,
                                 "submissionDeadline":"2099-04-30","endsOn":"2099-06-30"}""".formatted(year, SEQ.incrementAndGet(), year)))
                .andExpect(status().isCreated()));
    }

    private long dossier(CurrentUser user, long round, ProductView product, String kind) throws Exception {
        return id(mvc.perform(post("/api/v1/dossiers")
                        .with(as(user))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"roundId\":%d,\"productId\":%d,\"kind\":\"%s\"}"
                                .formatted(round, product.id(), kind)))
                .andExpect(status().isCreated()));
    }

    private long id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asLong();
    }

    private long documents(long producerId) {
        return jdbc.sql("SELECT count(*) FROM evidence_document WHERE producer_id = ?")
                .param(producerId)
                .query(Long.class)
                .single();
    }

    private long audited(String action, String objectId) {
        return jdbc.sql("SELECT count(*) FROM audit_event WHERE action = ? AND object_id = ?")
                .params(action, objectId)
                .query(Long.class)
                .single();
    }

    private long storedFiles() throws IOException {
        Path root = storage.directory();
        if (!Files.exists(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private ProductView aProduct(String commune) {
        ProducerView producer = producers.register(
                RegistryFixtures.aCooperative("HTX Hồ sơ minh chứng " + SEQ.incrementAndGet(), commune), admin);
        return products.register(RegistryFixtures.aProduct(producer.id(), "Mắm tôm chua", 9), admin);
    }

    /** A small but real PDF with the given text (the check looks only at the header, the content varies the hash). */
    private static byte[] pdf(String text) {
        return ("%PDF-1.4\n% " + text + " " + SEQ.incrementAndGet() + "\n%%EOF\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] png() {
        byte[] b = Arrays.copyOf(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A}, 64);
        b[63] = (byte) SEQ.incrementAndGet();
        return b;
    }

    private static byte[] jpeg() {
        byte[] b = Arrays.copyOf(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, 64);
        b[63] = (byte) SEQ.incrementAndGet();
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of()
                .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }
}
