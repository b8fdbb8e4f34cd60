package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.CommuneReview;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.DossierFixtures;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;

/**
 * Issue #12, the certification candidates page: each candidate names its producer, round, total and star and links
 * the council's minutes when the platform holds them; a decision form with nothing ticked or bad input comes back
 * with a message and everything typed, and writes nothing.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated("counts every recognition decision and certificate before and after")
class CertificationPagesIntegrationTests {

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
    CouncilScoring scoring;

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
    void candidatesNameProducerRoundTotalAndLinkTheMinutesOnlyWhenTheyExist() throws Exception {
        String tag = "T" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        EvaluationRound round = round("Đợt trang công nhận " + tag);
        long paper = paperRated(round, "HTX giấy " + tag, "Mắm giấy " + tag);
        long council = councilRated(round, "HTX hội đồng " + tag, "Mắm hội đồng " + tag);
        awaitCandidate(paper);
        awaitCandidate(council);

        // The council's 5★ result at province level waits for the ministry: listed under every status, not pending.
        String page = mvc.perform(
                        get("/certification?status=ALL&round=" + round.id()).with(as(province)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String paperRow = row(page, paper);
        assertThat(paperRow)
                .contains("Mắm giấy " + tag)
                .contains("HTX giấy " + tag)
                .contains("Đợt trang công nhận " + tag)
                .contains("75.00")
                .contains("★★★★")
                .doesNotContain("minutes.pdf");
        String councilRow = row(page, council);
        assertThat(councilRow)
                .contains("HTX hội đồng " + tag)
                .contains("Đợt trang công nhận " + tag)
                .contains("/evaluation/dossiers/" + council + "/minutes.pdf");
        // The link opens the minutes for the officer who sees it.
        mvc.perform(get("/evaluation/dossiers/" + council + "/minutes.pdf").with(as(province)))
                .andExpect(status().isOk());
        // Another province's officer sees neither.
        mvc.perform(get("/certification?status=ALL&round=" + round.id()).with(as(TestUsers.provinceOfficer("01"))))
                .andExpect(content().string(not(containsString(tag))));
        // Awaiting a decision (the default list): the paper result, not the one the ministry decides.
        String pending = mvc.perform(get("/certification?round=" + round.id()).with(as(province)))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(pending).contains("candidate-row-" + paper).doesNotContain("candidate-row-" + council);
    }

    @Test
    void theListIsPagedFilteredByStatusAndRoundAndKeptToTheJurisdictionInTheDatabase() throws Exception {
        String tag = "T" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        EvaluationRound round = round("Đợt nhiều sản phẩm " + tag);
        long producer = producers
                .register(RegistryFixtures.aCooperative("HTX nhiều " + tag, RegistryFixtures.CAO_LANH), admin)
                .id();
        long product = products.register(RegistryFixtures.aProduct(producer, "Mắm nhiều " + tag, 12), admin)
                .id();
        // 55 rated results of one round, one minute apart (dossier ids of their own: no dossier behind them).
        long first = 9_000_000_000_000L + (System.nanoTime() % 1_000_000_000L) * 100;
        try {
            for (int i = 0; i < 55; i++) {
                jdbc.sql("""
                                INSERT INTO certification_candidate (dossier_id, product_id, producer_id, round_id, level,
                                       star, total, commune_code, province_code, status, created_at)
                                VALUES (?, ?, ?, ?, 'PROVINCE', 3, 60, ?, ?, ?, TIMESTAMPTZ '2026-06-01 08:00+07' + ? * INTERVAL '1 minute')""")
                        .params(
                                first + i,
                                product,
                                producer,
                                round.id(),
                                RegistryFixtures.CAO_LANH,
                                RegistryFixtures.DONG_THAP,
                                i < 52 ? "PENDING" : "ISSUED",
                                i)
                        .update();
            }
            String url = "/certification?round=" + round.id();
            String page1 = html(get(url).with(as(province)));
            assertThat(rows(page1)).isEqualTo(50);
            assertThat(page1)
                    .contains("candidate-row-" + first + "\"")
                    .doesNotContain("candidate-row-" + (first + 50) + "\"")
                    .contains("Trang 1/2")
                    .contains("52 sản phẩm")
                    .contains("Đợt nhiều sản phẩm " + tag);
            String page2 = html(get(url + "&page=1").with(as(province)));
            assertThat(rows(page2)).isEqualTo(2);
            assertThat(page2).contains("candidate-row-" + (first + 51) + "\"");
            // A page past the end shows the last page; filters that mean nothing fall back to the defaults.
            assertThat(rows(html(get(url + "&page=99").with(as(province))))).isEqualTo(2);
            assertThat(rows(html(get(url + "&page=abc&status=XYZ").with(as(province)))))
                    .isEqualTo(50);
            // The issued ones, and every status.
            String issued = html(get(url + "&status=ISSUED").with(as(province)));
            assertThat(rows(issued)).isEqualTo(3);
            assertThat(issued).doesNotContain("id=\"issue-decision\"");
            // With nothing left pending the round stays the selected filter; another province is not told its name.
            jdbc.sql("UPDATE certification_candidate SET status = 'ISSUED' WHERE round_id = ?")
                    .param(round.id())
                    .update();
            assertThat(html(get(url).with(as(province))))
                    .contains("Không có sản phẩm nào khớp bộ lọc.")
                    .containsPattern("<option value=\"" + round.id() + "\"\\s+selected");
            assertThat(html(get(url).with(as(TestUsers.provinceOfficer("01"))))).doesNotContain("Đợt nhiều sản phẩm");
            jdbc.sql("UPDATE certification_candidate SET status = 'PENDING' WHERE round_id = ? AND dossier_id < ?")
                    .params(round.id(), first + 52)
                    .update();
            assertThat(rows(html(get(url + "&status=ALL&page=1").with(as(province)))))
                    .isEqualTo(5);
            // The commune's officer sees them; another province's officer and another commune's do not.
            assertThat(rows(html(get(url).with(as(commune))))).isEqualTo(50);
            assertThat(rows(html(get(url + "&status=ALL").with(as(TestUsers.provinceOfficer("01"))))))
                    .isZero();
            assertThat(rows(html(get(url + "&status=ALL").with(as(TestUsers.communeOfficer(RegistryFixtures.SA_DEC))))))
                    .isZero();

            // The API pages the same way.
            mvc.perform(get("/api/v1/certification/candidates?status=PENDING&size=20&round=" + round.id())
                            .with(as(province)))
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total")
                            .value(52))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                    "$.items.length()")
                            .value(20))
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
                                    "$.items[0].productName")
                            .value("Mắm nhiều " + tag));
            for (String bad : List.of("status=BOGUS", "round=abc", "size=0", "size=501", "page=-1")) {
                mvc.perform(get("/api/v1/certification/candidates?" + bad).with(as(province)))
                        .andExpect(status().isBadRequest())
                        .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
            }
        } finally {
            jdbc.sql("DELETE FROM certification_candidate WHERE round_id = ?")
                    .param(round.id())
                    .update();
        }
    }

    private String html(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request)
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static int rows(String page) {
        return page.split("id=\"candidate-row-", -1).length - 1;
    }

    @Test
    void badInputComesBackWithAMessageAndWhatWasTypedAndWritesNothing() throws Exception {
        String tag = "T" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        EvaluationRound r = round("Đợt nhập sai " + tag);
        long dossier = paperRated(r, "HTX nhập sai " + tag, "Trà nhập sai " + tag);
        awaitCandidate(dossier);
        long decisions = count("recognition_decision");
        long certificates = count("certificate");
        String number = "QĐ " + tag + "/QĐ-UBND";

        // Nothing ticked: the message, and the number, date and authority as typed.
        mvc.perform(decision(r, null, number, "2026-05-02", "Chủ tịch UBND tỉnh Đồng Tháp"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chọn ít nhất một sản phẩm để ban hành quyết định.")))
                .andExpect(content().string(containsString("value=\"" + number + "\"")))
                .andExpect(content().string(containsString("value=\"2026-05-02\"")))
                .andExpect(content().string(containsString("value=\"Chủ tịch UBND tỉnh Đồng Tháp\"")));

        // A date that is not a date, a missing authority: both named; the ticked candidate stays ticked.
        String page = mvc.perform(decision(r, String.valueOf(dossier), number, "2026-13-45", "  "))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ngày quyết định không hợp lệ")))
                .andExpect(content().string(containsString("Nhập người, cơ quan ký quyết định.")))
                .andExpect(content().string(containsString("value=\"2026-13-45\"")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(row(page, dossier)).contains("checked");

        // Too long, and a candidate id that is not a number.
        mvc.perform(decision(r, String.valueOf(dossier), "Q".repeat(61), "2026-05-02", "UBND"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Số quyết định dài quá 60 ký tự.")));
        mvc.perform(decision(r, "abc", number, "2026-05-02", "UBND"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Sản phẩm được chọn không hợp lệ")));
        // A refusal of the decision itself (dated before the council's result) comes back the same way.
        mvc.perform(decision(r, String.valueOf(dossier), number, "2000-01-01", "UBND"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("decision-errors")))
                .andExpect(content().string(containsString("value=\"" + number + "\"")));
        // Another province's officer is refused, not shown a message.
        mvc.perform(post("/certification/decisions")
                        .param("dossierIds", String.valueOf(dossier))
                        .param("decisionNumber", number)
                        .param("decidedOn", "2026-05-02")
                        .param("authority", "UBND")
                        .with(as(TestUsers.provinceOfficer("01")))
                        .with(csrf()))
                .andExpect(status().isForbidden());

        assertThat(count("recognition_decision")).isEqualTo(decisions);
        assertThat(count("certificate")).isEqualTo(certificates);
        assertThat(jdbc.sql("SELECT status FROM certification_candidate WHERE dossier_id = ?")
                        .param(dossier)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");

        // Right input issues and redirects.
        jdbc.sql(
                        "UPDATE certification_candidate SET created_at = TIMESTAMPTZ '2026-04-02 09:00+07' WHERE dossier_id = ?")
                .param(dossier)
                .update();
        mvc.perform(decision(r, String.valueOf(dossier), number, "2026-05-02", "Chủ tịch UBND tỉnh Đồng Tháp"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/certification?status=PENDING&round=" + r.id()));
        assertThat(count("recognition_decision")).isEqualTo(decisions + 1);
    }

    private MockHttpServletRequestBuilder decision(
            EvaluationRound round, String dossierId, String number, String date, String authority) {
        MockHttpServletRequestBuilder request = post("/certification/decisions")
                .param("round", String.valueOf(round.id()))
                .param("decisionNumber", number)
                .param("decidedOn", date)
                .param("authority", authority)
                .with(as(province))
                .with(csrf());
        return dossierId == null ? request : request.param("dossierIds", dossierId);
    }

    /** The table row of one candidate. */
    private static String row(String page, long dossierId) {
        int start = page.indexOf("id=\"candidate-row-" + dossierId + "\"");
        assertThat(start).as("row of dossier %d", dossierId).isNotNegative();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private long count(String table) {
        return jdbc.sql("SELECT count(*) FROM " + table).query(Long.class).single();
    }

    private EvaluationRound round(String name) {
        return rounds.open(
                new EvaluationRounds.OpenRound(
                        name,
                        "PROVINCE",
                        RegistryFixtures.DONG_THAP,
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                province);
    }

    private long filed(EvaluationRound round, String producerName, String productName) {
        long producer = producers
                .register(RegistryFixtures.aCooperative(producerName, RegistryFixtures.CAO_LANH), admin)
                .id();
        long product = products.register(RegistryFixtures.aProduct(producer, productName, 12), admin)
                .id();
        long dossier =
                dossiers.create(round.id(), product, "FIRST", Map.of(), commune).id();
        fixtures.completeAndSubmit(dossier, commune);
        dossiers.forward(dossier, new CommuneReview(true, true, true, true, null), commune);
        return dossier;
    }

    private long paperRated(EvaluationRound round, String producerName, String productName) {
        long dossier = filed(round, producerName, productName);
        dossiers.startEvaluation(dossier, province);
        scoring.recordPaperResult(dossier, List.of(new BigDecimal("75")), 4, province);
        return dossier;
    }

    private long councilRated(EvaluationRound round, String producerName, String productName) {
        CurrentUser chair = councilMember();
        CurrentUser member = councilMember();
        rounds.seat(round.id(), chair.id(), "CHAIR", province);
        rounds.seat(round.id(), member.id(), "MEMBER", province);
        long dossier = filed(round, producerName, productName);
        dossiers.startEvaluation(dossier, province);
        // The best option everywhere: a 5★ result, at province level a candidate for the ministry (listed all the
        // same).
        Map<String, Integer> best = fixtures.bestChoices(dossiers.get(dossier, chair));
        for (CurrentUser m : List.of(chair, member)) {
            scoring.save(dossier, best, m);
            scoring.submit(dossier, m);
        }
        scoring.close(dossier, chair);
        return dossier;
    }

    private CurrentUser councilMember() {
        String username = "candidates.council." + SEQ.incrementAndGet() + "." + System.nanoTime() % 100_000;
        UserSummary created = users.create(
                new CreateUser(
                        username,
                        "Thành viên " + username,
                        null,
                        Role.COUNCIL_MEMBER,
                        RegistryFixtures.DONG_THAP,
                        "Hoi-dong-2026!"),
                admin);
        return new CurrentUser(
                created.id(), username, created.displayName(), Role.COUNCIL_MEMBER, RegistryFixtures.DONG_THAP, null);
    }

    private void awaitCandidate(long dossier) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(jdbc.sql("SELECT count(*) FROM certification_candidate WHERE dossier_id = ?")
                                        .param(dossier)
                                        .query(Long.class)
                                        .single())
                                .isEqualTo(1));
    }
}
