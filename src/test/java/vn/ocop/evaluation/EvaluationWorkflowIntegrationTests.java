package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.OptionDefinition;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductDetails;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;

/** From application to result on real PostgreSQL, with who may act at each step. */
@IntegrationTest
class EvaluationWorkflowIntegrationTests {

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
    UserAccounts users;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    CriteriaSets criteria;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser admin = TestUsers.admin();

    @Test
    void fullHappyPathFromApplicationToResultWithRoleAndJurisdictionChecks() throws Exception {
        CurrentUser province = user(Role.PROVINCE_OFFICER, "82");
        CurrentUser commune = user(Role.COMMUNE_OFFICER, CAO_LANH);
        CurrentUser otherCommune = user(Role.COMMUNE_OFFICER, SA_DEC);
        CurrentUser chair = user(Role.COUNCIL_MEMBER, "82");
        CurrentUser member = user(Role.COUNCIL_MEMBER, "82");
        CurrentUser conflicted = user(Role.COUNCIL_MEMBER, "82");
        ProductView product = aProduct(CAO_LANH);

        // The province opens a round and seats its council.
        long round =
                id(perform(province, post("/api/v1/evaluation-rounds"), """
                {"name":"Đợt 1 năm 2027","level":"PROVINCE","provinceCode":"82","year":2027,
                 "submissionDeadline":"2099-04-30","endsOn":"2099-06-30"}""").andExpect(status().isCreated()));
        perform(commune, post("/api/v1/evaluation-rounds"), """
                {"name":"x","level":"PROVINCE","provinceCode":"82","year":2027,
                 "submissionDeadline":"2099-04-30","endsOn":"2099-06-30"}""").andExpect(status().isForbidden());
        seat(province, round, chair, "CHAIR");
        seat(province, round, member, "MEMBER");
        seat(province, round, conflicted, "MEMBER");
        // Its pages name the province, not its code.
        for (String page : List.of("/evaluation", "/evaluation/rounds/" + round)) {
            perform(province, get(page), null)
                    .andExpect(status().isOk())
                    .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                            .string(org.hamcrest.Matchers.containsString("Cấp tỉnh – Tỉnh Đồng Tháp")));
        }

        // The commune officer files the dossier on the producer's behalf and submits it.
        long dossier = id(perform(
                        commune,
                        post("/api/v1/dossiers"),
                        "{\"roundId\":%d,\"productId\":%d,\"kind\":\"FIRST\",\"selfAssessment\":{\"1.1\":2}}"
                                .formatted(round, product.id()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.setNo").value(9)));
        fixtures.complete(dossier, commune);
        perform(commune, post("/api/v1/dossiers/" + dossier + "/submit"), "")
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.communeDeadline").exists());

        // Another commune's officer cannot forward it; its own commune's officer does.
        String review = "{\"localRawMaterial\":true,\"localLabour\":true,\"localIdea\":true,\"localIdentity\":false,"
                + "\"remarks\":\"Bản sắc địa phương chưa rõ\"}";
        perform(otherCommune, post("/api/v1/dossiers/" + dossier + "/forward"), review)
                .andExpect(status().isForbidden());
        perform(commune, post("/api/v1/dossiers/" + dossier + "/forward"), review)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FORWARDED"))
                .andExpect(jsonPath("$.communeReview.localIdentity").value(false));
        // A council member cannot start the evaluation; the province officer does; it cannot start twice.
        perform(chair, post("/api/v1/dossiers/" + dossier + "/start-evaluation"), "")
                .andExpect(status().isForbidden());
        perform(province, post("/api/v1/dossiers/" + dossier + "/start-evaluation"), "")
                .andExpect(jsonPath("$.status").value("UNDER_EVALUATION"));
        perform(province, post("/api/v1/dossiers/" + dossier + "/start-evaluation"), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVAL-009"));

        // A member with a conflict of interest cannot score (403).
        perform(
                        conflicted,
                        put("/api/v1/dossiers/" + dossier + "/conflict"),
                        "{\"conflicted\":true,\"note\":\"Người thân\"}")
                .andExpect(status().isOk());
        perform(conflicted, put("/api/v1/dossiers/" + dossier + "/scoresheet"), "{\"choices\":{\"1.1\":0}}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("EVAL-012"));
        // Someone outside the council cannot score either.
        perform(province, put("/api/v1/dossiers/" + dossier + "/scoresheet"), "{\"choices\":{\"1.1\":0}}")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("EVAL-011"));

        CriteriaSetDefinition set9 = criteria.set("26-2026", 9);
        Map<String, Integer> best = best(set9);
        Map<String, Integer> good = new HashMap<>(best);
        good.put("1.1", 0); // the lowest option of 1.1: its maximum less than the best sheet
        java.math.BigDecimal goodTotal = new java.math.BigDecimal("100")
                .subtract(set9.criterion("1.1").orElseThrow().maxPoints())
                .add(set9.criterion("1.1").orElseThrow().options().get(0).points());
        double mean = goodTotal.add(new java.math.BigDecimal("100")).doubleValue() / 2;

        // Independent scoring: the member sees only their own sheet until all are in.
        perform(member, put("/api/v1/dossiers/" + dossier + "/scoresheet"), choicesJson(Map.of("1.1", 1)))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        perform(member, post("/api/v1/dossiers/" + dossier + "/scoresheet/submit"), "")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-013"));
        perform(member, put("/api/v1/dossiers/" + dossier + "/scoresheet"), choicesJson(good))
                .andExpect(status().isOk());
        perform(member, post("/api/v1/dossiers/" + dossier + "/scoresheet/submit"), "")
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        perform(member, put("/api/v1/dossiers/" + dossier + "/scoresheet"), choicesJson(best))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVAL-014"));
        perform(chair, put("/api/v1/dossiers/" + dossier + "/scoresheet"), choicesJson(best))
                .andExpect(status().isOk());
        perform(chair, get("/api/v1/dossiers/" + dossier + "/scoring"), null)
                .andExpect(jsonPath("$.sheets.length()").value(1))
                .andExpect(jsonPath("$.sheets[0].memberId").value(chair.id()))
                .andExpect(jsonPath("$.allSubmitted").value(false))
                .andExpect(jsonPath("$.expected").value(2));
        perform(chair, post("/api/v1/dossiers/" + dossier + "/close"), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVAL-015"));
        perform(chair, post("/api/v1/dossiers/" + dossier + "/scoresheet/submit"), "")
                .andExpect(status().isOk());

        // All in: everyone sees both sheets; only the chair may close.
        perform(member, get("/api/v1/dossiers/" + dossier + "/scoring"), null)
                .andExpect(jsonPath("$.sheets.length()").value(2))
                .andExpect(jsonPath("$.allSubmitted").value(true))
                .andExpect(jsonPath("$.mean").value(mean));
        perform(chair, get("/api/v1/dossiers/" + dossier + "/minutes"), null).andExpect(status().isConflict());
        perform(member, post("/api/v1/dossiers/" + dossier + "/close"), "")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("EVAL-016"));
        perform(chair, post("/api/v1/dossiers/" + dossier + "/close"), "")
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("RATED"))
                .andExpect(jsonPath("$.resultTotal").value(mean))
                .andExpect(jsonPath("$.resultStar").value(5))
                .andExpect(jsonPath("$.fiveStarCandidate").value(true));

        // The province sends its 5★ candidate to the ministry's round: a PROPOSAL dossier the ministry evaluates.
        CurrentUser ministry = user(Role.CENTRAL_OFFICE, null);
        long ministryRound =
                id(perform(ministry, post("/api/v1/evaluation-rounds"), """
                {"name":"Đợt đánh giá 5 sao 2027","level":"CENTRAL","year":2027,
                 "submissionDeadline":"2099-08-31","endsOn":"2099-10-31"}""").andExpect(status().isCreated()));
        perform(province, get("/evaluation/dossiers/" + dossier), null)
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Đợt đánh giá 5 sao 2027")));
        String toMinistry = "{\"roundId\":" + ministryRound + "}";
        perform(commune, post("/api/v1/dossiers/" + dossier + "/propose-to-ministry"), toMinistry)
                .andExpect(status().isForbidden());
        perform(province, post("/api/v1/dossiers/" + dossier + "/propose-to-ministry"), "{\"roundId\":" + round + "}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-027"));
        long proposal = id(perform(province, post("/api/v1/dossiers/" + dossier + "/propose-to-ministry"), toMinistry)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.kind").value("PROPOSAL"))
                .andExpect(jsonPath("$.status").value("FORWARDED"))
                .andExpect(jsonPath("$.roundId").value(ministryRound))
                .andExpect(jsonPath("$.communeReview.localIdentity").value(false)));
        perform(province, post("/api/v1/dossiers/" + dossier + "/propose-to-ministry"), toMinistry)
                .andExpect(status().isConflict());
        perform(province, post("/api/v1/dossiers/" + proposal + "/start-evaluation"), "")
                .andExpect(status().isForbidden());
        perform(ministry, post("/api/v1/dossiers/" + proposal + "/start-evaluation"), "")
                .andExpect(jsonPath("$.status").value("UNDER_EVALUATION"));

        // The minutes: a PDF whose text (extracted back) carries the Vietnamese product name and the result.
        byte[] minutes = perform(chair, get("/api/v1/dossiers/" + dossier + "/minutes"), null)
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/pdf"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/pdf/council-minutes.pdf"), minutes);
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(minutes)) {
            String text =
                    new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("BIÊN BẢN HỌP HỘI ĐỒNG ĐÁNH GIÁ, PHÂN HẠNG SẢN PHẨM OCOP")
                    .contains("Nước mắm cá cơm")
                    .contains("5 sao")
                    .contains("Tương, nước mắm, gia vị dạng lỏng khác");
        }
        perform(otherCommune, get("/api/v1/dossiers/" + dossier + "/minutes"), null)
                .andExpect(status().isForbidden());

        assertThat(jdbc.sql("SELECT to_status FROM dossier_transition WHERE dossier_id = ? ORDER BY id")
                        .param(dossier)
                        .query(String.class)
                        .list())
                .containsExactly("DRAFT", "SUBMITTED", "FORWARDED", "UNDER_EVALUATION", "RATED");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'product.rated' AND object_id = ?")
                        .param(Long.toString(product.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void communeReturnsAndKnocksOutWithReasons() throws Exception {
        CurrentUser province = user(Role.PROVINCE_OFFICER, "82");
        CurrentUser commune = user(Role.COMMUNE_OFFICER, CAO_LANH);
        ProductView product = aProduct(CAO_LANH);
        long round =
                id(perform(province, post("/api/v1/evaluation-rounds"), """
                {"name":"Đợt 2","level":"PROVINCE","provinceCode":"82","year":2027,
                 "submissionDeadline":"2099-10-30","endsOn":"2099-12-30"}""").andExpect(status().isCreated()));
        long dossier = id(perform(
                commune,
                post("/api/v1/dossiers"),
                "{\"roundId\":%d,\"productId\":%d,\"kind\":\"FIRST\"}".formatted(round, product.id())));
        perform(
                        commune,
                        post("/api/v1/dossiers"),
                        "{\"roundId\":%d,\"productId\":%d,\"kind\":\"FIRST\"}".formatted(round, product.id()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVAL-018"));
        fixtures.complete(dossier, commune);
        perform(commune, post("/api/v1/dossiers/" + dossier + "/submit"), "").andExpect(status().isOk());
        perform(commune, post("/api/v1/dossiers/" + dossier + "/return"), "{\"reason\":\"\"}")
                .andExpect(status().isBadRequest());
        perform(commune, post("/api/v1/dossiers/" + dossier + "/return"), "{\"reason\":\"Thiếu phiếu kiểm nghiệm\"}")
                .andExpect(jsonPath("$.status").value("RETURNED"))
                .andExpect(jsonPath("$.returnReason").value("Thiếu phiếu kiểm nghiệm"));
        perform(commune, post("/api/v1/dossiers/" + dossier + "/submit"), "")
                .andExpect(jsonPath("$.status").value("SUBMITTED"));
        perform(commune, post("/api/v1/dossiers/" + dossier + "/knockout"), "{\"reason\":\"Hồ sơ không đầy đủ\"}")
                .andExpect(jsonPath("$.status").value("KNOCKED_OUT"))
                .andExpect(jsonPath("$.knockoutReason").value("Hồ sơ không đầy đủ"));
        perform(commune, post("/api/v1/dossiers/" + dossier + "/submit"), "")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("EVAL-009"));
        perform(commune, get("/api/v1/dossiers/999999999"), null)
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("EVAL-008"));
    }

    @Test
    void paperCouncilResultsAreEnteredWithMemberTotalsAndNeverAboveTheBand() throws Exception {
        CurrentUser province = user(Role.PROVINCE_OFFICER, "82");
        CurrentUser commune = user(Role.COMMUNE_OFFICER, CAO_LANH);
        long round =
                id(perform(province, post("/api/v1/evaluation-rounds"), """
                {"name":"Đợt giấy","level":"PROVINCE","provinceCode":"82","year":2027,
                 "submissionDeadline":"2099-10-30","endsOn":"2099-12-30"}""").andExpect(status().isCreated()));
        long first = underEvaluation(round, aProduct(CAO_LANH), commune, province);
        long second = underEvaluation(round, aProduct(CAO_LANH), commune, province);

        // Mean (72 + 68 + 70.5) / 3 = 70.1667: the 4★ band; the council decided 3★ (a marker missed): allowed.
        perform(
                        province,
                        post("/api/v1/dossiers/" + first + "/paper-result"),
                        "{\"memberTotals\":[72,68,70.5],\"star\":5}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-020"));
        perform(province, post("/api/v1/dossiers/" + first + "/paper-result"), "{\"memberTotals\":[72,168],\"star\":3}")
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVAL-019"));
        perform(
                        commune,
                        post("/api/v1/dossiers/" + first + "/paper-result"),
                        "{\"memberTotals\":[72,68,70.5],\"star\":3}")
                .andExpect(status().isForbidden());
        // A bulk import with one bad line writes nothing.
        perform(
                        province,
                        post("/api/v1/evaluation-rounds/" + round + "/paper-results"),
                        "[{\"dossierId\":%d,\"result\":{\"memberTotals\":[72,68,70.5],\"star\":3}},".formatted(first)
                                + "{\"dossierId\":%d,\"result\":{\"memberTotals\":[40],\"star\":4}}]".formatted(second))
                .andExpect(status().isBadRequest());
        perform(province, get("/api/v1/dossiers/" + first), null)
                .andExpect(jsonPath("$.status").value("UNDER_EVALUATION"));
        perform(
                        province,
                        post("/api/v1/evaluation-rounds/" + round + "/paper-results"),
                        "[{\"dossierId\":%d,\"result\":{\"memberTotals\":[72,68,70.5],\"star\":3}},".formatted(first)
                                + "{\"dossierId\":%d,\"result\":{\"memberTotals\":[40],\"star\":2}}]".formatted(second))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("RATED"))
                .andExpect(jsonPath("$[0].resultStar").value(3))
                .andExpect(jsonPath("$[1].resultStar").value(2));
    }

    private long underEvaluation(long round, ProductView product, CurrentUser commune, CurrentUser province)
            throws Exception {
        long dossier = id(perform(
                commune,
                post("/api/v1/dossiers"),
                "{\"roundId\":%d,\"productId\":%d,\"kind\":\"FIRST\"}".formatted(round, product.id())));
        fixtures.complete(dossier, commune);
        perform(commune, post("/api/v1/dossiers/" + dossier + "/submit"), "").andExpect(status().isOk());
        perform(
                        commune,
                        post("/api/v1/dossiers/" + dossier + "/forward"),
                        "{\"localRawMaterial\":true,\"localLabour\":true,\"localIdea\":true,\"localIdentity\":true}")
                .andExpect(status().isOk());
        perform(province, post("/api/v1/dossiers/" + dossier + "/start-evaluation"), "")
                .andExpect(status().isOk());
        return dossier;
    }

    private ResultActions perform(
            CurrentUser user,
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request,
            String body)
            throws Exception {
        request.with(as(user));
        if (body != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return mvc.perform(request);
    }

    private void seat(CurrentUser organiser, long round, CurrentUser member, String role) throws Exception {
        perform(
                        organiser,
                        put("/api/v1/evaluation-rounds/" + round + "/members/" + member.id()),
                        "{\"role\":\"" + role + "\"}")
                .andExpect(status().isOk());
    }

    private long id(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString())
                .get("id")
                .asLong();
    }

    private CurrentUser user(Role role, String jurisdiction) {
        String username = "wf." + role.name().toLowerCase().replace('_', '-') + "." + SEQ.incrementAndGet();
        UserSummary created = users.create(
                new CreateUser(username, "Người dùng " + username, null, role, jurisdiction, "Mat-khau-2026!"), admin);
        return new CurrentUser(created.id(), username, created.displayName(), role, jurisdiction, null);
    }

    private ProductView aProduct(String commune) {
        ProducerView producer = producers.register(
                new ProducerDetails(
                        LegalType.COOPERATIVE,
                        "HTX Nước mắm thử " + SEQ.incrementAndGet(),
                        Long.toString(8_300_000_000L + SEQ.incrementAndGet()),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        commune,
                        false,
                        false,
                        false,
                        false,
                        null,
                        null,
                        null,
                        null),
                admin);
        return products.register(
                new ProductDetails(
                        producer.id(),
                        "Nước mắm cá cơm",
                        9,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                admin);
    }

    private static Map<String, Integer> best(CriteriaSetDefinition set) {
        Map<String, Integer> choices = new HashMap<>();
        set.criteria()
                .forEach(c -> choices.put(
                        c.code(),
                        c.options().stream()
                                .max(java.util.Comparator.comparing(OptionDefinition::points))
                                .orElseThrow()
                                .index()));
        return choices;
    }

    private String choicesJson(Map<String, Integer> choices) {
        return "{\"choices\":" + json.writeValueAsString(choices) + "}";
    }
}
