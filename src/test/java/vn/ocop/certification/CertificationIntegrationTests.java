package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.CommuneReview;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductDetails;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;

/** From a council result to a signed certificate, its PDF and QR, public verification, revocation and expiry. */
@IntegrationTest
class CertificationIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    vn.ocop.evaluation.DossierFixtures fixtures;

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
    Certification certification;

    @Autowired
    CertificateDocuments documents;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private final CurrentUser admin = TestUsers.admin();
    private final CurrentUser province = TestUsers.provinceOfficer("82");

    @Test
    void noCertificateForATwoStarResult() {
        long dossier = rated("Bánh tráng thử 2 sao", List.of(new BigDecimal("45")), 2);
        awaitCandidate(dossier, "NOT_ELIGIBLE");
        assertThatThrownBy(() -> certification.issue(decision(dossier), province))
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode())
                .isEqualTo(CertificationError.BELOW_THREE_STARS);
    }

    @Test
    void aCertificateIsSignedPrintedVerifiableRevocableAndExpires() throws Exception {
        long dossier = rated("Trà tim sen Tháp Mười đặc biệt", List.of(new BigDecimal("76"), new BigDecimal("74")), 4);
        awaitCandidate(dossier, "PENDING");
        assertThat(certification
                        .candidates(
                                new Certification.CandidateQuery(null, null), 0, 500, TestUsers.provinceOfficer("01"))
                        .items())
                .noneMatch(c -> c.dossierId() == dossier);
        assertThatThrownBy(() -> certification.issue(decision(dossier), TestUsers.provinceOfficer("01")))
                .isInstanceOf(OcopException.class);

        Certificate certificate =
                certification.issue(decision(dossier), province).get(0);
        assertThat(certificate.number()).matches("82-26-[0-9A-Z]{5}-[0-9A-Z]{5}");
        assertThat(certificate.issuedOn()).isEqualTo(LocalDate.of(2026, 1, 31));
        assertThat(certificate.expiresOn()).isEqualTo(LocalDate.of(2029, 1, 31));
        assertThat(certificate.level()).isEqualTo("PROVINCE");
        assertThat(certificate.ocopCode()).matches("82-29869-\\d{3}-2026");
        ProductView rated = products.get(certificate.productId(), admin);
        assertThat(rated.rating().star()).isEqualTo(4);
        assertThat(rated.rating().certificateNumber()).isEqualTo(certificate.number());
        assertThatThrownBy(() -> certification.issue(decision(dossier), province))
                .isInstanceOf(OcopException.class);

        // The PDF: Vietnamese product name extracted back, and a QR that decodes to the verification URL.
        byte[] pdf = documents.pdf(certificate.number(), province);
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/pdf"));
        java.nio.file.Files.write(java.nio.file.Path.of("target/pdf/certificate.pdf"), pdf);
        byte[] again = documents.pdf(certificate.number(), province);
        java.nio.file.Files.write(java.nio.file.Path.of("target/pdf/certificate-again.pdf"), again);
        assertThat(again).as("regenerated identically from data").isEqualTo(pdf);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            assertThat(text)
                    .contains("Trà tim sen Tháp Mười đặc biệt")
                    .contains("HẠNG 4 SAO")
                    .contains(certificate.number());
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 200);
            String decoded = new com.google.zxing.MultiFormatReader()
                    .decode(new com.google.zxing.BinaryBitmap(new com.google.zxing.common.HybridBinarizer(
                            new com.google.zxing.client.j2se.BufferedImageLuminanceSource(page))))
                    .getText();
            assertThat(decoded).isEqualTo(documents.verificationUrl(certificate.number(), province));
            assertThat(decoded).contains("/verify/" + certificate.number() + "?s=" + certificate.signature());
        }

        // Public verification: API and the page reached from the QR code.
        mvc.perform(get("/api/v1/certificates/" + certificate.number()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.authentic").value(true))
                .andExpect(jsonPath("$.star").value(4))
                .andExpect(jsonPath("$.producerId").doesNotExist());
        mvc.perform(get("/verify/" + certificate.number()).param("s", certificate.signature()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giấy chứng nhận đang có hiệu lực.")));
        mvc.perform(get("/verify/" + certificate.number()).param("s", "forged-signature"))
                .andExpect(content().string(containsString("KHÔNG HỢP LỆ")))
                .andExpect(content().string(org.hamcrest.Matchers.not(containsString("đang có hiệu lực"))));
        mvc.perform(get("/verify/82-26-AAAAA-AAAAA")).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/certificates/82-26-AAAAA-AAAAA"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CERT-002"));
        mvc.perform(get("/api/v1/certificates/" + "x".repeat(300))).andExpect(status().isNotFound());

        // Revocation: the page and the API say so at once, and the product loses its star.
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/api/v1/certificates/" + certificate.number() + "/revocation")
                                .with(as(TestUsers.communeOfficer("29869")))
                                .contentType("application/json")
                                .content(
                                        "{\"ground\":\"MISUSE_OF_MARK\",\"decisionNumber\":\"45/QĐ-UBND\",\"revokedOn\":\"2026-06-01\"}"))
                .andExpect(status().isForbidden());
        certification.revoke(
                certificate.number(),
                RevocationGround.MISUSE_OF_MARK,
                "45/QĐ-UBND",
                LocalDate.of(2026, 6, 1),
                province);
        mvc.perform(get("/api/v1/certificates/" + certificate.number()))
                .andExpect(jsonPath("$.status").value("REVOKED"))
                .andExpect(jsonPath("$.revocationGround").value("MISUSE_OF_MARK"));
        mvc.perform(get("/verify/" + certificate.number()))
                .andExpect(content().string(containsString("Giấy chứng nhận đã bị thu hồi.")));
        assertThat(products.get(certificate.productId(), admin).rating()).isNull();
        assertThat(certification.history(certificate.productId(), admin))
                .extracting(Certificate::storedStatus)
                .containsExactly(CertificateStatus.REVOKED);
    }

    @Test
    void theIssuingAuthoritySuspendsAndReinstatesACertificate() throws Exception {
        long dossier = rated("Mứt gừng thử đình chỉ", List.of(new BigDecimal("66")), 3);
        awaitCandidate(dossier, "PENDING");
        Certificate certificate =
                certification.issue(decision(dossier), province).get(0);
        String n = certificate.number();
        String suspension = "{\"reason\":\"Hậu kiểm phát hiện nhãn sai\",\"decisionNumber\":\"77/QĐ-UBND\","
                + "\"suspendedOn\":\"2026-07-01\"}";

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/certificates/" + n + "/suspension")
                        .with(as(TestUsers.provinceOfficer("01")))
                        .contentType("application/json")
                        .content(suspension))
                .andExpect(status().isForbidden());
        // On the certificate page, the province officer suspends it: public page and API say so, the star goes.
        mvc.perform(get("/certificates/" + n).with(as(province)))
                .andExpect(content().string(containsString("suspend-form")));
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/certificates/" + n + "/suspend")
                                .param("decisionNumber", "77/QĐ-UBND")
                                .param("decidedOn", "2026-07-01")
                                .param("reason", "Hậu kiểm phát hiện nhãn sai")
                                .with(as(province))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
                        .attribute("done", "suspend"));
        mvc.perform(get("/api/v1/certificates/" + n))
                .andExpect(jsonPath("$.status").value("SUSPENDED"));
        mvc.perform(get("/verify/" + n)).andExpect(content().string(containsString("đang bị đình chỉ")));
        assertThat(products.get(certificate.productId(), admin).rating()).isNull();
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/certificates/" + n + "/suspension")
                        .with(as(province))
                        .contentType("application/json")
                        .content(suspension))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CERT-008"));

        // Reinstated: in force again, the product shows its star and certificate again; only once.
        String reinstatement = "{\"decisionNumber\":\"81/QĐ-UBND\",\"reinstatedOn\":\"2026-08-01\"}";
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/certificates/" + n + "/reinstatement")
                        .with(as(province))
                        .contentType("application/json")
                        .content(reinstatement))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.storedStatus").value("VALID"));
        assertThat(products.get(certificate.productId(), admin).rating().certificateNumber())
                .isEqualTo(n);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                "/api/v1/certificates/" + n + "/reinstatement")
                        .with(as(province))
                        .contentType("application/json")
                        .content(reinstatement))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CERT-009"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE object_id = ? AND action IN"
                                + " ('certificate.suspended', 'certificate.reinstated')")
                        .param(n)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void tamperedDataIsReportedAsNotAuthentic() throws Exception {
        long dossier = rated("Mật ong thử giả mạo", List.of(new BigDecimal("60")), 3);
        awaitCandidate(dossier, "PENDING");
        Certificate certificate =
                certification.issue(decision(dossier), province).get(0);
        jdbc.sql("UPDATE certificate SET star = 4 WHERE number = ?")
                .param(certificate.number())
                .update();
        mvc.perform(get("/api/v1/certificates/" + certificate.number()))
                .andExpect(jsonPath("$.authentic").value(false));
        mvc.perform(get("/verify/" + certificate.number()).param("s", certificate.signature()))
                .andExpect(content().string(containsString("KHÔNG HỢP LỆ")));
    }

    @Test
    void expiryMarksCertificatesOnceEvenWhenTheJobRunsTwice() {
        long dossier = rated("Nước mắm thử hết hạn", List.of(new BigDecimal("55")), 3);
        awaitCandidate(dossier, "PENDING");
        // Decided long enough ago that its last day has passed: the job is run for days up to today only, so it never
        // expires a certificate of another test class (side by side on this database) before its time.
        LocalDate today = LocalDate.now(OcopClock.VIETNAM);
        Certificate certificate = certification
                .issue(decision(dossier, today.minusMonths(36).minusDays(2)), province)
                .get(0);
        LocalDate lastDay = certificate.expiresOn();
        assertThat(lastDay).isBefore(today);
        certification.expireDue(lastDay);
        assertThat(certification.get(certificate.number(), province).storedStatus())
                .as("the job run on its last day leaves it valid (the public check already says expired: it is today)")
                .isEqualTo(CertificateStatus.VALID);
        int first = certification.expireDue(lastDay.plusDays(1));
        long version = version(certificate);
        certification.expireDue(lastDay.plusDays(1));
        assertThat(first).isGreaterThanOrEqualTo(1);
        assertThat(certification.get(certificate.number(), province).storedStatus())
                .isEqualTo(CertificateStatus.EXPIRED);
        assertThat(certification.verify(certificate.number()).status()).isEqualTo(CertificateStatus.EXPIRED);
        assertThat(products.get(certificate.productId(), admin).rating()).isNull();
        assertThat(jdbc.sql("SELECT count(*) FROM certificate_event WHERE certificate_id = ? AND type = 'EXPIRED'")
                        .param(certificate.id())
                        .query(Long.class)
                        .single())
                .as("expired once")
                .isEqualTo(1);
        assertThat(version(certificate)).as("the second run left it alone").isEqualTo(version);
    }

    private long rated(String productName, List<BigDecimal> totals, int star) {
        long producer = producers
                .register(
                        new ProducerDetails(
                                LegalType.COOPERATIVE,
                                "HTX thử chứng nhận " + SEQ.incrementAndGet(),
                                Long.toString(8_500_000_000L + SEQ.incrementAndGet()),
                                null,
                                null,
                                null,
                                null,
                                null,
                                null,
                                "29869",
                                false,
                                false,
                                false,
                                false,
                                null,
                                null,
                                null,
                                null),
                        admin)
                .id();
        long product = products.register(
                        new ProductDetails(
                                producer,
                                productName,
                                12,
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
                        admin)
                .id();
        EvaluationRound round = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt chứng nhận " + SEQ.incrementAndGet(),
                        "PROVINCE",
                        "82",
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                province);
        CurrentUser commune = TestUsers.communeOfficer("29869");
        long dossier =
                dossiers.create(round.id(), product, "FIRST", Map.of(), commune).id();
        fixtures.completeAndSubmit(dossier, commune);
        dossiers.forward(dossier, new CommuneReview(true, true, true, true, null), commune);
        dossiers.startEvaluation(dossier, province);
        scoring.recordPaperResult(dossier, totals, star, province);
        return dossier;
    }

    private void awaitCandidate(long dossier, String status) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(jdbc.sql("SELECT status FROM certification_candidate WHERE dossier_id = ?")
                                        .param(dossier)
                                        .query(String.class)
                                        .optional())
                                .contains(status));
    }

    /**
     * A decision dated 31/01/2026 on a dossier, whose council result is dated a month before (the candidate row is
     * backdated: a decision is never dated before the council's result).
     */
    private Certification.IssueDecision decision(long dossier) {
        return decision(dossier, LocalDate.of(2026, 1, 31));
    }

    /** The row's version, which every change of a certificate raises (not part of the module's model). */
    private long version(Certificate certificate) {
        return jdbc.sql("SELECT version FROM certificate WHERE id = ?")
                .param(certificate.id())
                .query(Long.class)
                .single();
    }

    /** A recognition decision of {@code decidedOn}, the council's result dated a month before it. */
    private Certification.IssueDecision decision(long dossier, LocalDate decidedOn) {
        IssuedCertificates.councilResultMonthBefore(jdbc, dossier, decidedOn);
        return new Certification.IssueDecision(
                "QĐ " + SEQ.incrementAndGet() + "/QĐ-UBND",
                decidedOn,
                "Chủ tịch UBND tỉnh Đồng Tháp",
                List.of(dossier));
    }
}
