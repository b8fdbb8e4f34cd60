package vn.ocop.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.db.DatabaseErrors;

/**
 * Bad input the review of #13 answered with a 500, with a silently altered value, or with the wrong reason: each is
 * now a clear, localized 4xx naming what is wrong, and nothing is written.
 */
@IntegrationTest
class RobustnessIntegrationTests {

    private static final String ASSESS = "/api/v1/criteria-sets/26-2026/9/assessments";

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProducerRegistry producers;

    @Autowired
    ProductRegistry products;

    @Autowired
    ApiExceptionHandler handler;

    private final CurrentUser admin = TestUsers.admin();

    @Test
    void aNullOptionIndexIsRefusedNamingTheCriterion() throws Exception {
        mvc.perform(post(ASSESS).contentType(MediaType.APPLICATION_JSON).content("{\"choices\": {\"1.1\": null}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-002"))
                .andExpect(jsonPath("$.errors[0].field").value("choices.1.1"))
                .andExpect(jsonPath("$.errors[0].rule").value("required"))
                .andExpect(jsonPath("$.errors[0].message").value("Không được để trống."));
    }

    @Test
    void aFractionalOptionIndexIsRefusedNotTruncated() throws Exception {
        mvc.perform(post(ASSESS).contentType(MediaType.APPLICATION_JSON).content("{\"choices\": {\"1.1\": 1.5}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("choices.1.1"))
                .andExpect(jsonPath("$.errors[0].rule").value("integer"));
        mvc.perform(post(ASSESS)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"choices\": {\"1.1\": \"một\"}}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].message").value("Must be a whole number (no decimals)."));
        mvc.perform(post(ASSESS).contentType(MediaType.APPLICATION_JSON).content("{\"choices\": {\"1.1\": 1}}"))
                .andExpect(status().isOk());
    }

    @Test
    void anUnknownRatingSourceIsRefusedNamingTheField() throws Exception {
        long producer = producers
                .register(RegistryFixtures.aCooperative("HTX nguồn xếp hạng", RegistryFixtures.CAO_LANH), admin)
                .id();
        long product = products.register(RegistryFixtures.aProduct(producer, "Mắm nguồn lạ", 9), admin)
                .id();
        mvc.perform(put("/api/v1/products/" + product + "/rating")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"star\": 2, \"source\": \"MANUAL\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-002"))
                .andExpect(jsonPath("$.errors[0].field").value("source"));
        assertThat(products.lookup(product).orElseThrow().rating()).isNull();
    }

    @Test
    void aNulCharacterInAJsonTextIsRefusedAndNothingIsWritten() throws Exception {
        String taxCode = RegistryFixtures.aTaxCode();
        mvc.perform(post("/api/v1/producers")
                        .with(as(admin))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"legalType": "COOPERATIVE", "name": "HTX\\u0000 Cao Lãnh", "taxCode": "%s",
                                 "communeCode": "29869", "sme": true, "craftVillage": false, "womenLed": false,
                                 "ethnicMinorityArea": false}""".formatted(taxCode)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("COMMON-011"));
        assertThat(producers.findByTaxCode(taxCode)).isEmpty();
    }

    @Test
    void aNulCharacterInAFormFieldIsRefused() throws Exception {
        String taxCode = RegistryFixtures.aTaxCode();
        mvc.perform(post("/producers")
                        .with(as(admin))
                        .with(csrf())
                        .param("legalType", "COOPERATIVE")
                        .param("name", "HTX\u0000 Sa Đéc")
                        .param("taxCode", taxCode)
                        .param("province", "82")
                        .param("communeCode", RegistryFixtures.SA_DEC))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/products").with(as(admin)).param("q", "mắm\u0000")).andExpect(status().isBadRequest());
        assertThat(producers.findByTaxCode(taxCode)).isEmpty();
    }

    @Test
    void aJsonBodyOfThirtyMegabytesIsRefusedBeforeItIsRead() throws Exception {
        byte[] body = ("{\"choices\": {}, \"padding\": \"" + "x".repeat(30 * 1024 * 1024) + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        mvc.perform(post(ASSESS).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isPayloadTooLarge());
    }

    /**
     * A refusal of the database that no module expected is answered for its real cause: before, any refusal of a
     * producer's row was "tax code taken" and any of a product's "duplicate name".
     */
    @Test
    void integrityErrorsAreReportedForTheirRealCause() {
        ProducerDetails nul = RegistryFixtures.aCooperative("HTX\u0000 ký tự lạ", RegistryFixtures.CAO_LANH);
        assertThatThrownBy(() -> producers.register(nul, admin))
                .isInstanceOf(DataIntegrityViolationException.class)
                .isNotInstanceOf(OcopException.class);
        var duplicate = catching(() -> jdbc.sql("INSERT INTO admin_edition SELECT * FROM admin_edition LIMIT 1")
                .update());
        var missingReference = catching(() -> jdbc.sql("INSERT INTO product_link (product_id, platform, url)"
                        + " VALUES (-1, 'Shopee', 'https://shopee.vn/x')")
                .update());
        var outOfRange = catching(
                () -> jdbc.sql("SELECT CAST(1e20 AS int)").query(Integer.class).single());
        assertThat(DatabaseErrors.commonError(duplicate)).isEqualTo(CommonError.DUPLICATE_RECORD);
        assertThat(DatabaseErrors.commonError(missingReference)).isEqualTo(CommonError.REFERENCE_CONFLICT);
        assertThat(DatabaseErrors.commonError(outOfRange)).isEqualTo(CommonError.INVALID_VALUE);
        assertThat(handler.integrity((DataIntegrityViolationException) outOfRange)
                        .getBody()
                        .getProperties())
                .containsEntry("code", "COMMON-014");
        assertThat(handler.integrity((DataIntegrityViolationException) duplicate)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    private static RuntimeException catching(Runnable statement) {
        try {
            statement.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("the statement was not refused");
    }
}
