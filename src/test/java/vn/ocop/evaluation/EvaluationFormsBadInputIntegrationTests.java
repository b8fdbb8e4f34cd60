package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.ocop.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;

/**
 * Issue #12: bad input on the evaluation forms (round new and edit, seating a member, filing a dossier, knock-out,
 * return with a reason, a paper result, the forms Mẫu 01/02): empty, too long, another jurisdiction's ids, a stale
 * version. Each answer is a message on the page (or a refusal for another jurisdiction), never a 500, and nothing is
 * written.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated("counts every round, seat, dossier and dossier step before and after")
class EvaluationFormsBadInputIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    EvaluationRounds rounds;

    @Autowired
    Dossiers dossiers;

    @Autowired
    UserAccounts users;

    @Autowired
    DossierFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private final CurrentUser admin = TestUsers.admin();
    private final CurrentUser province = TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP);
    private final CurrentUser commune = TestUsers.communeOfficer(RegistryFixtures.CAO_LANH);

    @Test
    void roundFormsKeepWhatWasTypedAndWriteNothing() throws Exception {
        long roundsBefore = count("evaluation_round");
        String name = "Đợt sai " + tag();
        // Empty name, too long name, a year and dates that are not numbers or dates.
        assertMessage(
                roundForm(post("/evaluation/rounds"), "", "2026", "2099-04-30", "2099-06-30", province),
                "error-summary");
        assertMessage(
                roundForm(post("/evaluation/rounds"), "x".repeat(301), "2026", "2099-04-30", "2099-06-30", province),
                "error-summary");
        String page = assertMessage(
                roundForm(post("/evaluation/rounds"), name, "năm nay", "30/04/2099", "2099-06-30", province),
                "error-summary");
        assertThat(page).contains("value=\"" + name + "\"");
        // Dates the wrong way round.
        assertMessage(
                roundForm(post("/evaluation/rounds"), name, "2026", "2099-06-30", "2099-04-30", province),
                "error-summary");
        // A province officer cannot open another province's round by naming it: it is its own province's round.
        MvcResult other = mvc.perform(
                        roundForm(post("/evaluation/rounds"), name, "2026", "2099-04-30", "2099-06-30", province)
                                .param("provinceCode", "01")
                                .param("level", "CENTRAL")
                                .with(csrf()))
                .andReturn();
        assertThat(other.getResponse().getStatus()).isBetween(300, 399);
        assertThat(jdbc.sql("SELECT province_code || '/' || level FROM evaluation_round WHERE name = ?")
                        .param(name)
                        .query(String.class)
                        .single())
                .isEqualTo(RegistryFixtures.DONG_THAP + "/PROVINCE");
        assertThat(count("evaluation_round")).isEqualTo(roundsBefore + 1);

        // Editing: a stale version, a too long name, another province's officer.
        EvaluationRound round = round();
        String edit = "/evaluation/rounds/" + round.id();
        rounds.edit(
                round.id(),
                new EvaluationRounds.EditRound(round.name() + " (sửa)", round.submissionDeadline(), round.endsOn()),
                round.version(),
                province);
        assertMessage(
                roundForm(post(edit), "Tên mới", "2026", "2099-04-30", "2099-06-30", province)
                        .param("version", String.valueOf(round.version())),
                "error-summary");
        assertMessage(
                roundForm(post(edit), "y".repeat(301), "2026", "2099-04-30", "2099-06-30", province)
                        .param("version", String.valueOf(round.version() + 1)),
                "error-summary");
        assertMessage(
                roundForm(post(edit), "Tên mới", "2026", "2099-04-30", "2099-06-30", province)
                        .param("version", "không phải số"),
                "error-summary");
        assertRefused(
                roundForm(post(edit), "Tên mới", "2026", "2099-04-30", "2099-06-30", TestUsers.provinceOfficer("01"))
                        .param("version", String.valueOf(round.version() + 1)));
        assertThat(rounds.find(round.id()).orElseThrow().name()).isEqualTo(round.name() + " (sửa)");
    }

    @Test
    void seatingAndFilingRefuseOtherJurisdictionsIdsAndNonsense() throws Exception {
        EvaluationRound round = round();
        String seat = "/evaluation/rounds/" + round.id() + "/members";
        long seats = count("council_member");
        long hanoiMember = users.create(
                        new CreateUser(
                                "bad.council." + SEQ.incrementAndGet() + "." + System.nanoTime() % 100_000,
                                "Thành viên Hà Nội",
                                null,
                                Role.COUNCIL_MEMBER,
                                "01",
                                "Hoi-dong-2026!"),
                        admin)
                .id();
        assertFlashError(post(seat).param("userId", "").with(as(province)));
        assertFlashError(post(seat).param("userId", "abc").with(as(province)));
        assertFlashError(post(seat).param("userId", "99999999999999999999").with(as(province)));
        assertFlashError(post(seat).param("userId", String.valueOf(hanoiMember)).with(as(province)));
        assertFlashError(post(seat)
                .param("userId", String.valueOf(hanoiMember))
                .param("role", "KING")
                .with(as(province)));
        // Another province's officer: refused (a message, nothing written).
        assertFlashError(
                post(seat).param("userId", String.valueOf(hanoiMember)).with(as(TestUsers.provinceOfficer("01"))));
        assertThat(count("council_member")).isEqualTo(seats);

        String file = "/evaluation/rounds/" + round.id() + "/dossiers";
        long dossiersBefore = count("dossier");
        long hanoiProducer = producers
                .register(RegistryFixtures.aCooperative("HTX Hà Nội sai " + tag(), RegistryFixtures.BA_DINH), admin)
                .id();
        long hanoiProduct = products.register(
                        RegistryFixtures.aProduct(hanoiProducer, "Sản phẩm Hà Nội sai", 12), admin)
                .id();
        assertFlashError(post(file).with(as(commune)));
        assertFlashError(post(file).param("productId", "x").with(as(commune)));
        assertFlashError(
                post(file).param("productId", String.valueOf(hanoiProduct)).with(as(commune)));
        assertFlashError(post(file)
                .param("productId", String.valueOf(product()))
                .param("kind", "NONSENSE")
                .with(as(commune)));
        assertThat(count("dossier")).isEqualTo(dossiersBefore);
    }

    @Test
    void dossierStepsWithBadInputWriteNothing() throws Exception {
        long submitted = submitted(round());
        String base = "/evaluation/dossiers/" + submitted;
        long transitions = count("dossier_transition");
        assertFlashError(post(base + "/return").with(as(commune)));
        assertFlashError(post(base + "/return").param("reason", "   ").with(as(commune)));
        assertFlashError(
                post(base + "/return").param("reason", "r".repeat(2001)).with(as(commune)));
        assertFlashError(post(base + "/knockout").with(as(commune)));
        assertFlashError(
                post(base + "/knockout").param("ground", "NOT-A-GROUND").with(as(commune)));
        assertFlashError(
                post(base + "/knockout").param("ground", "g".repeat(41)).with(as(commune)));
        assertFlashError(post(base + "/knockout")
                .param("ground", dossiers.grounds(submitted, admin).get(0).code())
                .param("reason", "k".repeat(2001))
                .with(as(commune)));
        // Another commune's officer is refused.
        assertFlashError(post(base + "/return")
                .param("reason", "Thiếu")
                .with(as(TestUsers.communeOfficer(RegistryFixtures.SA_DEC))));
        assertThat(count("dossier_transition")).isEqualTo(transitions);
        assertThat(dossiers.get(submitted, admin).status()).isEqualTo(DossierStatus.SUBMITTED);

        dossiers.forward(submitted, new CommuneReview(true, true, true, true, null), commune);
        dossiers.startEvaluation(submitted, province);
        transitions = count("dossier_transition");
        assertFlashError(post(base + "/paper-result").with(as(province)));
        assertFlashError(post(base + "/paper-result")
                .param("totals", "tám mươi")
                .param("star", "4")
                .with(as(province)));
        assertFlashError(post(base + "/paper-result")
                .param("totals", "75")
                .param("star", "9")
                .with(as(province)));
        assertFlashError(post(base + "/paper-result")
                .param("totals", "75")
                .param("star", "99999999999")
                .with(as(province)));
        assertFlashError(post(base + "/paper-result")
                .param("totals", "75")
                .param("star", "")
                .with(as(province)));
        assertFlashError(post(base + "/paper-result")
                .param("totals", "175")
                .param("star", "4")
                .with(as(province)));
        assertFlashError(post(base + "/paper-result")
                .param("totals", "75")
                .param("star", "4")
                .with(as(TestUsers.provinceOfficer("01"))));
        assertThat(count("dossier_transition")).isEqualTo(transitions);
        assertThat(dossiers.get(submitted, admin).status()).isEqualTo(DossierStatus.UNDER_EVALUATION);
    }

    @Test
    void theDossiersOwnFormsComeBackWithAMessageAndWriteNothing() throws Exception {
        long draft = dossiers.create(round().id(), product(), "FIRST", Map.of(), commune)
                .id();
        DossierView before = dossiers.get(draft, admin);
        String forms = "/evaluation/dossiers/" + draft + "/forms";
        assertMessage(
                post(forms)
                        .param("version", String.valueOf(before.version()))
                        .param("history", "h".repeat(8001))
                        .with(as(commune)),
                "error-summary");
        assertMessage(
                post(forms)
                        .param("version", String.valueOf(before.version()))
                        .param("sampleCount", "nhiều")
                        .with(as(commune)),
                "error-summary");
        assertMessage(
                post(forms)
                        .param("version", String.valueOf(before.version()))
                        .param("representativeGender", "OTHER")
                        .with(as(commune)),
                "error-summary");
        assertMessage(
                post(forms)
                        .param("version", String.valueOf(before.version() + 7))
                        .param("history", "Lịch sử")
                        .with(as(commune)),
                "error-summary");
        assertMessage(
                post(forms).param("version", "abc").param("history", "Lịch sử").with(as(commune)), "error-summary");
        assertRefused(post(forms)
                .param("version", String.valueOf(before.version()))
                .param("history", "Lịch sử")
                .with(as(TestUsers.communeOfficer(RegistryFixtures.SA_DEC))));
        // The self-assessment (Mẫu 02's scores): a stale version and an option a criterion does not have.
        String self = "/evaluation/dossiers/" + draft + "/self-assessment";
        assertMessage(
                post(self)
                        .param("version", String.valueOf(before.version() + 7))
                        .with(as(commune)),
                "alert error");
        assertMessage(
                post(self)
                        .param("version", String.valueOf(before.version()))
                        .param("c_1.1", "42")
                        .with(as(commune)),
                "alert error");
        DossierView after = dossiers.get(draft, admin);
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.forms()).isEqualTo(before.forms());
        assertThat(after.selfAssessment()).isEqualTo(before.selfAssessment());
    }

    // --- helpers -----------------------------------------------------------------------------------------------------

    private MockHttpServletRequestBuilder roundForm(
            MockHttpServletRequestBuilder request,
            String name,
            String year,
            String deadline,
            String endsOn,
            CurrentUser who) {
        return request.param("name", name)
                .param("year", year)
                .param("submissionDeadline", deadline)
                .param("endsOn", endsOn)
                .with(as(who));
    }

    /** The form comes back (200, not a 4xx/5xx page) with a message: {@code marker} is markup the message carries. */
    private String assertMessage(MockHttpServletRequestBuilder request, String marker) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        String body = result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.getResponse().getStatus())
                .as("the form back on %s", result.getRequest().getRequestURI())
                .isEqualTo(200);
        assertThat(body).contains(marker);
        return body;
    }

    /** A step form: back to the page with an error message, nothing done. */
    private void assertFlashError(MockHttpServletRequestBuilder request) throws Exception {
        MvcResult result = mvc.perform(request.with(csrf())).andReturn();
        int status = result.getResponse().getStatus();
        if (status == 403 || status == 404) {
            return;
        }
        assertThat(status)
                .as("status of %s", result.getRequest().getRequestURI())
                .isBetween(300, 399);
        assertThat((Map<String, Object>) result.getFlashMap())
                .containsKey("error")
                .doesNotContainKey("done");
    }

    private void assertRefused(MockHttpServletRequestBuilder request) throws Exception {
        assertThat(mvc.perform(request.with(csrf())).andReturn().getResponse().getStatus())
                .isIn(403, 404);
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private static String tag() {
        return SEQ.incrementAndGet() + "-" + System.nanoTime() % 1_000_000;
    }

    private EvaluationRound round() {
        return rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt nhập sai " + tag(),
                        "PROVINCE",
                        RegistryFixtures.DONG_THAP,
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                province);
    }

    private long product() {
        long producer = producers
                .register(RegistryFixtures.aCooperative("HTX nhập sai " + tag(), RegistryFixtures.CAO_LANH), admin)
                .id();
        return products.register(RegistryFixtures.aProduct(producer, "Sản phẩm nhập sai " + tag(), 12), admin)
                .id();
    }

    private long submitted(EvaluationRound round) {
        long id = dossiers.create(round.id(), product(), "FIRST", Map.of(), commune)
                .id();
        fixtures.completeAndSubmit(id, commune);
        return id;
    }
}
