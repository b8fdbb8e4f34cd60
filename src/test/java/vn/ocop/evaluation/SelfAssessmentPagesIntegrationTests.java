package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.ScoringResult;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;

/**
 * Issue #12, the public self-assessment: printed or downloaded as PDF by anyone, saved by a logged-in producer to one
 * of its products (and nobody else's), and the product's next dossier starts from it.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated("counts every saved self-assessment before and after")
class SelfAssessmentPagesIntegrationTests {

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
    CriteriaSets criteria;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private final CurrentUser admin = TestUsers.admin();

    @Test
    void anyoneDownloadsThePdfWithTheAnswersAndTheResult() throws Exception {
        String version = criteria.currentVersion();
        CriteriaSetDefinition set = criteria.set(version, 12);
        Map<String, Integer> answers = someAnswers(set);
        ScoringResult expected = criteria.assess(version, 12, answers);

        mvc.perform(get("/self-assessment/" + version + "/12"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tải PDF")))
                .andExpect(content().string(containsString("id=\"result-sticky\"")))
                .andExpect(content().string(containsString("Đăng nhập bằng tài khoản chủ thể")))
                .andExpect(content().string(not(containsString("id=\"assess-save\""))));

        byte[] pdf = mvc.perform(answered(post("/self-assessment/" + version + "/12/pdf"), answers)
                        .param("c_NOT-A-CRITERION", "7")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        Files.createDirectories(Path.of("target/pdf"));
        Files.write(Path.of("target/pdf/self-assessment.pdf"), pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text)
                    .contains("Kết quả tự đánh giá sản phẩm OCOP")
                    .contains(set.name())
                    .contains(String.format(java.util.Locale.ROOT, "%.2f", expected.total()) + " / 100")
                    .contains(set.criteria().findFirst().orElseThrow().name());
        }
    }

    @Test
    void aProducerSavesItsResultToItsProductAndTheNextDossierStartsFromIt() throws Exception {
        int n = SEQ.incrementAndGet();
        long producerId = producers
                .register(
                        RegistryFixtures.aCooperative(
                                "HTX tự đánh giá " + n + System.nanoTime() % 10_000, RegistryFixtures.CAO_LANH),
                        admin)
                .id();
        ProductView product =
                products.register(RegistryFixtures.aProduct(producerId, "Bánh tự đánh giá " + n, 12), admin);
        long otherProducer = producers
                .register(
                        RegistryFixtures.aCooperative(
                                "HTX khác tự đánh giá " + n + System.nanoTime() % 10_000, RegistryFixtures.SA_DEC),
                        admin)
                .id();
        ProductView otherProduct =
                products.register(RegistryFixtures.aProduct(otherProducer, "Bánh khác " + n, 12), admin);
        CurrentUser producer = TestUsers.producerAccount(producerId);
        String version = criteria.currentVersion();
        int setNo = product.criteriaSetNo();
        Map<String, Integer> answers = someAnswers(criteria.set(version, setNo));
        String base = "/self-assessment/" + version + "/" + setNo;
        long rows = count();

        // The logged-in producer is offered its own product, not another's.
        mvc.perform(get(base).with(as(producer)))
                .andExpect(content().string(containsString("Bánh tự đánh giá " + n)))
                .andExpect(content().string(not(containsString("Bánh khác " + n))))
                .andExpect(content().string(containsString("id=\"assess-save\"")));

        // No product chosen: a message, the answers kept, nothing written.
        String page = mvc.perform(answered(post(base + "/save"), answers)
                        .with(as(producer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Chọn sản phẩm để lưu kết quả tự đánh giá.")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String first = answers.keySet().iterator().next();
        assertThat(page)
                .containsPattern("name=\"c_" + java.util.regex.Pattern.quote(first) + "\" value=\"" + answers.get(first)
                        + "\"[^>]*checked");
        assertThat(count()).isEqualTo(rows);

        // Another producer's product: refused, nothing written.
        mvc.perform(answered(post(base + "/save"), answers)
                        .param("productId", String.valueOf(otherProduct.id()))
                        .with(as(producer))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        // Anonymous: sent to log in, nothing written.
        mvc.perform(answered(post(base + "/save"), answers)
                        .param("productId", String.valueOf(product.id()))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(count()).isEqualTo(rows);

        mvc.perform(answered(post(base + "/save"), answers)
                        .param("productId", String.valueOf(product.id()))
                        .with(as(producer))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"assess-saved\"")));
        assertThat(count()).isEqualTo(rows + 1);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'self-assessment.saved' AND object_id = ?")
                        .param(String.valueOf(product.id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // Filing a dossier for the product starts from it.
        EvaluationRound round = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt tự đánh giá " + n,
                        "PROVINCE",
                        RegistryFixtures.DONG_THAP,
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP));
        DossierView dossier = dossiers.create(round.id(), product.id(), "FIRST", Map.of(), producer);
        assertThat(dossier.selfAssessment()).isEqualTo(answers);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM saved_self_assessment")
                .query(Long.class)
                .single();
    }

    /** The second option of every criterion where there is one, else the first. */
    private static Map<String, Integer> someAnswers(CriteriaSetDefinition set) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        set.criteria().forEach(c -> answers.put(c.code(), c.options().size() > 1 ? 1 : 0));
        return answers;
    }

    private static MockHttpServletRequestBuilder answered(
            MockHttpServletRequestBuilder request, Map<String, Integer> answers) {
        answers.forEach((code, index) -> request.param("c_" + code, String.valueOf(index)));
        return request;
    }
}
