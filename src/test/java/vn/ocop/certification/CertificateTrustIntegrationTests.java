package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.pdf.Pdfsig;

/**
 * Issue #13, certificates: keys outside the database, signed statements covering every shown fact and every status
 * change, a PDF signature PDF readers check, and verification of every certificate, numbers with "/", OCOP codes and
 * ratings recorded from a province's records included.
 */
@IntegrationTest
class CertificateTrustIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

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
    vn.ocop.evaluation.DossierFixtures fixtures;

    @Autowired
    MockMvc mvc;

    private final CurrentUser province = TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP);

    private IssuedCertificates issued() {
        return new IssuedCertificates(producers, products, rounds, dossiers, scoring, certification, jdbc, fixtures);
    }

    @Test
    @org.junit.jupiter.api.parallel.ResourceLock(
            vn.ocop.SharedState.SIGNING_KEY) // no signing_key table of the migration test
    void theSigningKeyLivesInAnOwnerOnlyKeyStoreAndNotInTheDatabase() throws Exception {
        Certificate certificate = issued().province("Khô cá lóc thử khóa", LocalDate.of(2026, 3, 2));

        assertThat(jdbc.sql("SELECT to_regclass('signing_key') IS NULL")
                        .query(Boolean.class)
                        .single())
                .as("the table that held the private key is gone")
                .isTrue();
        assertThat(jdbc.sql("""
                                SELECT count(*) FROM information_schema.columns
                                 WHERE table_schema = current_schema() AND column_name LIKE '%private%'""").query(Long.class).single()).isZero();
        Path keyStore = Path.of("target/test-keys/ocop-signing.p12");
        assertThat(keyStore).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyStore)))
                .isEqualTo("rw-------");
        String keyId = certification.statements(certificate.number()).get(0).keyId();
        assertThat(certification.publishedKeys().statementKeys())
                .anySatisfy(k -> assertThat(k.keyId()).isEqualTo(keyId));
    }

    @Test
    void anyoneChecksTheSignedStatementsWithThePublishedKeysAlone() throws Exception {
        Certificate certificate = issued().province("Mắm cá linh thử xác nhận", LocalDate.of(2026, 3, 2));
        String n = certificate.number();
        certification.suspend(n, "Hậu kiểm", "77/QĐ-UBND", LocalDate.of(2026, 7, 1), province);
        certification.reinstate(n, "81/QĐ-UBND", LocalDate.of(2026, 8, 1), province);

        Map<String, PublicKey> keys = new HashMap<>();
        JsonNode published = JSON.readTree(mvc.perform(get("/api/v1/certificates/public-keys"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        for (JsonNode key : published.get("statementKeys")) {
            keys.put(
                    key.get("keyId").asString(),
                    KeyFactory.getInstance("Ed25519")
                            .generatePublic(new X509EncodedKeySpec(Base64.getDecoder()
                                    .decode(key.get("publicKey").asString()))));
        }
        JsonNode statements = JSON.readTree(mvc.perform(get("/api/v1/certificates/" + n + "/statements"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8));

        assertThat(statements).hasSize(3);
        String previous = null;
        for (JsonNode statement : statements) {
            String text = statement.get("content").asString();
            Signature ed25519 = Signature.getInstance("Ed25519");
            ed25519.initVerify(keys.get(statement.get("keyId").asString()));
            ed25519.update(text.getBytes(StandardCharsets.UTF_8));
            assertThat(ed25519.verify(Base64.getUrlDecoder()
                            .decode(statement.get("signature").asString())))
                    .isTrue();
            JsonNode body = JSON.readTree(text);
            assertThat(body.get("number").asString()).isEqualTo(n);
            if (previous != null) {
                assertThat(body.get("previous").asString()).isEqualTo(CertificateStatement.hash(previous));
            }
            previous = text;
        }
        JsonNode facts =
                JSON.readTree(statements.get(0).get("content").asString()).get("certificate");
        assertThat(facts.get("provinceCode").asString()).isEqualTo("82");
        assertThat(facts.get("star").asInt()).isEqualTo(4);
        assertThat(facts.get("producerName").asString()).isEqualTo(certificate.producerName());
        assertThat(statements)
                .extracting(s -> s.get("type").asString())
                .containsExactly("ISSUED", "SUSPENDED", "REINSTATED");
        assertThat(JSON.readTree(statements.get(1).get("content").asString())
                        .get("status")
                        .asString())
                .isEqualTo("SUSPENDED");
    }

    @Test
    void aRowChangedInTheDatabaseShowsAsNotVerifiedAndIsNeitherPrintedNorSigned() throws Exception {
        Certificate moved = issued().province("Bánh pía thử đổi tỉnh", LocalDate.of(2026, 3, 2));
        jdbc.sql("UPDATE certificate SET province_code = '01' WHERE number = ?")
                .param(moved.number())
                .update();
        mvc.perform(get("/api/v1/certificates/" + moved.number()))
                .andExpect(jsonPath("$.authentic").value(false));
        mvc.perform(get("/verify/" + moved.number()).param("s", moved.signature()))
                .andExpect(content().string(containsString("KHÔNG HỢP LỆ")))
                .andExpect(content().string(not(containsString("Thành phố Hà Nội"))));
        mvc.perform(get("/api/v1/certificates/" + moved.number() + "/pdf").with(as(TestUsers.admin())))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("CERT-011"));

        // A suspension lifted by hand, without a signed reinstatement.
        Certificate suspended = issued().province("Bánh phồng tôm thử đình chỉ", LocalDate.of(2026, 3, 2));
        certification.suspend(suspended.number(), "Hậu kiểm", "90/QĐ-UBND", LocalDate.of(2026, 7, 1), province);
        assertThat(certification.verify(suspended.number()).authentic()).isTrue();
        jdbc.sql("UPDATE certificate SET status = 'VALID' WHERE number = ?")
                .param(suspended.number())
                .update();
        mvc.perform(get("/api/v1/certificates/" + suspended.number()))
                .andExpect(jsonPath("$.status").value("VALID"))
                .andExpect(jsonPath("$.authentic").value(false));
        mvc.perform(get("/verify/" + suspended.number()))
                .andExpect(content().string(containsString("KHÔNG HỢP LỆ")))
                .andExpect(content().string(not(containsString("đang có hiệu lực"))));
    }

    @Test
    void thePublicPageAndApiHideTheStarsWhileTheCertificateIsSuspended() throws Exception {
        Certificate certificate = issued().province("Kẹo dừa thử đình chỉ sao", LocalDate.of(2026, 3, 2));
        String n = certificate.number();
        mvc.perform(get("/verify/" + n))
                .andExpect(content().string(containsString("id=\"verify-stars\"")))
                .andExpect(content().string(not(containsString("verify-stars-hidden"))));
        mvc.perform(get("/api/v1/certificates/" + n))
                .andExpect(jsonPath("$.star").value(certificate.star()));

        certification.suspend(n, "Hậu kiểm", "91/QĐ-UBND", LocalDate.of(2026, 7, 1), province);
        mvc.perform(get("/verify/" + n))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giấy chứng nhận đang bị đình chỉ.")))
                .andExpect(content().string(containsString("id=\"verify-stars-hidden\"")))
                .andExpect(content().string(not(containsString("id=\"verify-stars\""))))
                .andExpect(content().string(not(containsString("★★★★"))));
        mvc.perform(get("/api/v1/certificates/" + n))
                .andExpect(jsonPath("$.status").value("SUSPENDED"))
                .andExpect(jsonPath("$.star").doesNotExist());
        // The officer's page uses the same word as the notice: "đình chỉ", never "tạm dừng".
        mvc.perform(get("/certificates/" + n).with(as(province)))
                .andExpect(content().string(containsString("Khôi phục hiệu lực")))
                .andExpect(content().string(not(containsString("ạm dừng"))));

        certification.reinstate(n, "92/QĐ-UBND", LocalDate.of(2026, 8, 1), province);
        mvc.perform(get("/verify/" + n))
                .andExpect(content().string(containsString("id=\"verify-stars\"")))
                .andExpect(content().string(not(containsString("verify-stars-hidden"))));
        mvc.perform(get("/api/v1/certificates/" + n))
                .andExpect(jsonPath("$.star").value(certificate.star()));
    }

    @Test
    void theVietnameseTextsSayDinhChiForSuspension() throws Exception {
        for (String bundle : new String[] {"messages_vi.properties", "i18n/certification_vi.properties"}) {
            try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8).toLowerCase(java.util.Locale.ROOT);
                assertThat(text).as(bundle).doesNotContain("tạm dừng");
            }
        }
        mvc.perform(get("/certificates/"
                                + issued().province("Bánh pía thử nút đình chỉ", LocalDate.of(2026, 3, 2))
                                        .number())
                        .with(as(province)))
                .andExpect(content().string(containsString(">Đình chỉ</")));
    }

    @Test
    void theCertificatePdfCarriesASignatureThatAPdfReaderValidates() throws Exception {
        Certificate certificate = issued().province("Hủ tiếu Sa Đéc thử ký số", LocalDate.of(2026, 3, 2));
        byte[] pdf = documents.pdf(certificate.number(), province);
        Files.createDirectories(Path.of("target/pdf"));
        Files.write(Path.of("target/pdf/certificate-signed.pdf"), pdf);

        assertThat(Pdfsig.check(pdf))
                .contains("Signature is Valid")
                .contains("Nền tảng OCOP (chứng thư tự ký)")
                .contains("Total document signed");
        assertThat(Pdfsig.check(Pdfsig.withOneByteChanged(pdf))).doesNotContain("Signature is Valid");
        assertThat(documents.pdf(certificate.number(), province))
                .as("the same certificate gives the same signed bytes")
                .isEqualTo(pdf);
    }

    @Test
    void aNumberWithASlashFindsTheRatingRecordedFromTheProvincesRecords() throws Exception {
        String number = (1000 + (UUID.randomUUID().hashCode() & 0xffff)) + "/QĐ-UBND";
        ProductView product = imported("Nem Lai Vung thử hồ sơ", number, LocalDate.of(2024, 5, 10));

        mvc.perform(get("/verify").param("number", number))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ghi nhận từ hồ sơ của tỉnh, không do nền tảng cấp")))
                .andExpect(content().string(containsString("Nem Lai Vung thử hồ sơ")))
                .andExpect(content().string(not(containsString("Giấy chứng nhận đang có hiệu lực."))));
        // Typed without accents or in lower case; in the path unencoded; with an encoded slash (redirected).
        mvc.perform(get("/verify").param("number", number.replace("QĐ", "qd")))
                .andExpect(content().string(containsString("Nem Lai Vung thử hồ sơ")));
        mvc.perform(get("/verify/" + number))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Nem Lai Vung thử hồ sơ")));
        mvc.perform(get(java.net.URI.create(
                        "/verify/" + number.replace("/", "%2F").replace("Đ", "%C4%90"))))
                .andExpect(status().isFound())
                .andExpect(redirectedUrl(
                        "/verify?number=" + number.replace("/", "/").replace("Đ", "%C4%90")));
        mvc.perform(get("/api/v1/verification").param("number", number))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.kind").value("RECORDED"))
                .andExpect(jsonPath("$.certificate").doesNotExist())
                .andExpect(jsonPath("$.records[0].recordedFromProvinceRecords").value(true))
                .andExpect(jsonPath("$.records[0].star").value(4))
                .andExpect(jsonPath("$.records[0].inForce").value(true));

        // The OCOP code printed on the product's label finds it too.
        mvc.perform(get("/verify").param("number", product.ocopCode()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ghi nhận từ hồ sơ của tỉnh")));
    }

    @Test
    void theOcopCodeOfALabelFindsTheCertificateIssuedHere() throws Exception {
        Certificate certificate = issued().province("Bột sen thử mã nhãn", LocalDate.of(2026, 3, 2));
        mvc.perform(get("/verify").param("number", certificate.ocopCode().toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giấy chứng nhận đang có hiệu lực.")))
                .andExpect(content().string(containsString(certificate.number())));
        mvc.perform(get("/api/v1/verification").param("number", certificate.ocopCode()))
                .andExpect(jsonPath("$.kind").value("CERTIFICATE"))
                .andExpect(jsonPath("$.certificate.number").value(certificate.number()))
                .andExpect(jsonPath("$.certificate.authentic").value(true));
    }

    @Test
    void anExpiredRecordIsShownExpiredAndAnUnknownNumberIsA404WithTheForm() throws Exception {
        String number = "QĐ " + UUID.randomUUID().toString().substring(0, 6) + "/UBND";
        imported("Mứt sen thử hết hạn", number, LocalDate.of(2021, 1, 5));
        mvc.perform(get("/verify").param("number", number))
                .andExpect(content().string(containsString("Đã hết hiệu lực")));
        mvc.perform(get("/verify").param("number", "9999/KHÔNG-CÓ"))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy giấy chứng nhận hay mã sản phẩm OCOP")))
                .andExpect(content().string(containsString("id=\"number\"")));
        mvc.perform(get("/api/v1/verification").param("number", "9999/KHÔNG-CÓ"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CERT-002"));
        mvc.perform(get("/verify").param("number", "x".repeat(5000))).andExpect(status().isNotFound());
    }

    @Test
    @org.junit.jupiter.api.parallel.ResourceLock(vn.ocop.SharedState.SIGNING_KEY)
    void onlyASystemAdministratorRotatesTheKeyAndOldCertificatesStillVerify() throws Exception {
        Certificate before = issued().province("Gạo Tháp Mười thử thay khóa", LocalDate.of(2026, 3, 2));
        String oldKey = certification.statements(before.number()).get(0).keyId();
        assertThatForbidden(() -> certification.rotateKey(province));

        String newKey = certification.rotateKey(TestUsers.admin());

        Certificate after = issued().province("Gạo nàng thơm thử khóa mới", LocalDate.of(2026, 3, 3));
        assertThat(certification.statements(after.number()).get(0).keyId()).isEqualTo(newKey);
        assertThat(certification.verify(before.number()).authentic()).isTrue();
        assertThat(certification.publishedKeys().statementKeys())
                .filteredOn(k -> k.keyId().equals(oldKey))
                .singleElement()
                .satisfies(k -> assertThat(k.active()).isFalse());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'certificate.signing-key-rotated'"
                                + " AND object_id = ?")
                        .param(newKey)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        mvc.perform(get("/verify/keys"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(newKey)))
                .andExpect(content().string(containsString(oldKey)))
                .andExpect(content().string(not(containsString("rotate-form"))));
    }

    @Test
    void aStatusChangeRefusedOnThePageIsA403AndWritesNoStatement() throws Exception {
        Certificate certificate = issued().province("Bánh xèo thử quyền", LocalDate.of(2026, 3, 2));
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                        "/certificates/" + certificate.number() + "/suspend")
                                .param("decisionNumber", "5/QĐ-UBND")
                                .param("decidedOn", "2026-07-01")
                                .param("reason", "Thử")
                                .with(as(TestUsers.provinceOfficer("01")))
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());
        assertThat(certification.statements(certificate.number())).hasSize(1);
        assertThat(certification.verify(certificate.number()).status()).isEqualTo(CertificateStatus.VALID);
    }

    private static void assertThatForbidden(Runnable call) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
                .isInstanceOf(OcopException.class)
                .extracting(e -> ((OcopException) e).errorCode().code())
                .isEqualTo("COMMON-004");
    }

    /** A product of Phường Cao Lãnh rated 4★ from the province's earlier records (an import). */
    private ProductView imported(String name, String certificateNumber, LocalDate issuedOn) {
        CurrentUser admin = TestUsers.admin();
        long producer = producers
                .register(
                        RegistryFixtures.aCooperative("HTX hồ sơ " + UUID.randomUUID(), RegistryFixtures.CAO_LANH),
                        admin)
                .id();
        long product = products.register(RegistryFixtures.aProduct(producer, name, 12), admin)
                .id();
        return products.recordRating(
                product,
                new CurrentRating(4, certificateNumber, issuedOn, null, CertificationLevel.PROVINCE, "IMPORTED"),
                TestUsers.provinceOfficer("82"));
    }
}
