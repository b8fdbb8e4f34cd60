package vn.ocop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.certification.Certificate;
import vn.ocop.certification.Certification;
import vn.ocop.certification.RevocationGround;
import vn.ocop.evaluation.CommuneReview;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.LegalType;
import vn.ocop.producer.ProducerDetails;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.CertificationLevel;
import vn.ocop.product.CurrentRating;
import vn.ocop.product.ProductRegistry;

/**
 * A generated dataset with known figures in Tỉnh Quảng Trị (44), which no other test uses: merged in 2025 from the
 * legacy provinces Quảng Bình (44) and Quảng Trị (45). Built once per test run through the modules' services (imported
 * ratings and the real evaluation and certification workflow), then awaited in the read model.
 *
 * <pre>
 * commune A (legacy Quảng Bình)                         commune B (legacy Quảng Trị)
 *   HTX Nón lá (cooperative, craft village)               Hộ Dệt thổ cẩm (household, women-led)
 *     a1 4★ imported 01/03/2023                              c1 3★ imported 01/02/2024, 4★ 01/02/2025 (upgrade)
 *     a2 3★ imported 15/06/2024                           HTX Gạo (cooperative)
 *   Công ty Mè xửng (enterprise, SME)                       d1 2★ imported 05/05/2024 (not certified)
 *     b1 3★ imported 10/01/2022 (expires 10/01/2025)        e1 4★ platform 01/08/2024, revoked 01/03/2025
 *     b2 5★ imported 01/09/2024 (central)                   e2 4★ platform 01/08/2024, suspended 01/05/2025,
 *                                                                  reinstated 01/07/2025
 *                                                           e3 92 points 5★ in a province round: proposed
 * </pre>
 */
public final class ReportingDataset {

    static final String PROVINCE = "44";
    static final String LEGACY_NORTH = "44";
    static final String LEGACY_SOUTH = "45";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private final ProducerRegistry producers;
    private final ProductRegistry products;
    private final EvaluationRounds rounds;
    private final Dossiers dossiers;
    private final CouncilScoring scoring;
    private final Certification certification;
    private final JdbcClient jdbc;

    private final CurrentUser admin = TestUsers.admin();
    private final CurrentUser officer = TestUsers.provinceOfficer(PROVINCE);

    String communeA = "";
    String communeB = "";
    long cooperative;
    long enterprise;
    long household;
    long riceCooperative;
    long a1;
    long c1;
    long e2;
    long e3;

    private final vn.ocop.evaluation.DossierFixtures forms;

    private ReportingDataset(
            ProducerRegistry producers,
            ProductRegistry products,
            EvaluationRounds rounds,
            Dossiers dossiers,
            CouncilScoring scoring,
            Certification certification,
            JdbcClient jdbc,
            vn.ocop.evaluation.DossierFixtures forms) {
        this.forms = forms;
        this.producers = producers;
        this.products = products;
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.certification = certification;
        this.jdbc = jdbc;
    }

    /**
     * The dataset in the database of this application context: built the first time, found again afterwards (the
     * test contexts of one run share one database, which lives as long as the run).
     */
    public static synchronized ReportingDataset in(ApplicationContext context) {
        ReportingDataset dataset = new ReportingDataset(
                context.getBean(ProducerRegistry.class),
                context.getBean(ProductRegistry.class),
                context.getBean(EvaluationRounds.class),
                context.getBean(Dossiers.class),
                context.getBean(CouncilScoring.class),
                context.getBean(Certification.class),
                context.getBean(JdbcClient.class),
                context.getBean(vn.ocop.evaluation.DossierFixtures.class));
        if (!dataset.find()) {
            dataset.build();
        }
        dataset.awaitReportingListeners();
        return dataset;
    }

    /**
     * Waits until the reporting module's listeners have handled every event published so far, this dataset's and
     * those of the tests before (the summaries of the nation include their rows): the read model is built after
     * commit, asynchronously, and a dossier's last step may arrive after the facts the build waits for.
     */
    private void awaitReportingListeners() {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(count("""
                        SELECT count(*) FROM event_publication
                         WHERE completion_date IS NULL AND listener_id LIKE 'vn.ocop.reporting.%'"""))
                        .as("events not yet handled by the reporting module")
                        .isZero());
    }

    /** Finds the dataset built earlier in this database; false when there is none. */
    private boolean find() {
        java.util.Optional<Long> coop = producerNamed("HTX Nón lá Quảng Trị");
        if (coop.isEmpty()) {
            return false;
        }
        cooperative = coop.get();
        enterprise = producerNamed("Công ty Mè xửng Quảng Trị").orElseThrow();
        household = producerNamed("Hộ Dệt thổ cẩm Quảng Trị").orElseThrow();
        riceCooperative = producerNamed("HTX Gạo Quảng Trị").orElseThrow();
        communeA = communeOf(LEGACY_NORTH);
        communeB = communeOf(LEGACY_SOUTH);
        a1 = productNamed("Nón lá bài thơ");
        c1 = productNamed("Khăn thổ cẩm");
        e2 = productNamed("Bột gạo Gio Linh");
        e3 = productNamed("Gạo nếp Cam Lộ");
        return true;
    }

    private java.util.Optional<Long> producerNamed(String name) {
        return jdbc.sql("SELECT id FROM producer WHERE name = ?")
                .param(name)
                .query(Long.class)
                .optional();
    }

    private long productNamed(String name) {
        return jdbc.sql("SELECT id FROM product WHERE name = ?")
                .param(name)
                .query(Long.class)
                .single();
    }

    private void build() {
        communeA = communeOf(LEGACY_NORTH);
        communeB = communeOf(LEGACY_SOUTH);
        cooperative = producer(
                LegalType.COOPERATIVE, "HTX Nón lá Quảng Trị", communeA, false, "Làng nón lá Thuận Lợi", false);
        enterprise = producer(LegalType.ENTERPRISE, "Công ty Mè xửng Quảng Trị", communeA, true, null, false);
        household = producer(LegalType.HOUSEHOLD_BUSINESS, "Hộ Dệt thổ cẩm Quảng Trị", communeB, false, null, true);
        riceCooperative = producer(LegalType.COOPERATIVE, "HTX Gạo Quảng Trị", communeB, false, null, false);

        a1 = product(cooperative, "Nón lá bài thơ", 21);
        imported(a1, 4, "11/QĐ-UBND", LocalDate.of(2023, 3, 1), CertificationLevel.PROVINCE);
        long a2 = product(cooperative, "Nón lá trẻ em", 21);
        imported(a2, 3, "12/QĐ-UBND", LocalDate.of(2024, 6, 15), CertificationLevel.PROVINCE);
        long b1 = product(enterprise, "Mè xửng dẻo", 6);
        imported(b1, 3, "13/QĐ-UBND", LocalDate.of(2022, 1, 10), CertificationLevel.PROVINCE);
        long b2 = product(enterprise, "Mè xửng hạt điều", 6);
        imported(b2, 5, "14/QĐ-BNN", LocalDate.of(2024, 9, 1), CertificationLevel.CENTRAL);
        c1 = product(household, "Khăn thổ cẩm", 22);
        imported(c1, 3, "15/QĐ-UBND", LocalDate.of(2024, 2, 1), CertificationLevel.PROVINCE);
        imported(c1, 4, "16/QĐ-UBND", LocalDate.of(2025, 2, 1), CertificationLevel.PROVINCE);
        long d1 = product(riceCooperative, "Gạo hữu cơ Triệu Phong", 3);
        products.recordRating(
                d1, new CurrentRating(2, null, LocalDate.of(2024, 5, 5), null, null, "IMPORTED"), authority(d1, 2));

        long e1 = product(riceCooperative, "Gạo lứt Hải Lăng", 3);
        e2 = product(riceCooperative, "Bột gạo Gio Linh", 6);
        e3 = product(riceCooperative, "Gạo nếp Cam Lộ", 3);
        EvaluationRound round = round("PROVINCE", PROVINCE, officer);
        long dossier1 = rated(round, e1, communeB, new BigDecimal("78"), 4);
        long dossier2 = rated(round, e2, communeB, new BigDecimal("80"), 4);
        long dossier3 = rated(round, e3, communeB, new BigDecimal("92"), 5);
        awaitCandidates(dossier1, dossier2);
        // The council's results are dated before the decision of 01/08/2024 (a decision never precedes them).
        for (long rated : new long[] {dossier1, dossier2}) {
            jdbc.sql("UPDATE certification_candidate SET created_at = ? WHERE dossier_id = ?")
                    .params(java.sql.Timestamp.valueOf("2024-07-01 09:00:00"), rated)
                    .update();
        }
        List<Certificate> issued = certification.issue(
                new Certification.IssueDecision(
                        "QĐ " + SEQ.incrementAndGet() + "/QĐ-UBND-QT",
                        LocalDate.of(2024, 8, 1),
                        "Chủ tịch UBND tỉnh Quảng Trị",
                        List.of(dossier1, dossier2)),
                officer);
        certification.revoke(
                issued.get(0).number(),
                RevocationGround.LEGAL_VIOLATION,
                "QĐ thu hồi " + SEQ.incrementAndGet(),
                LocalDate.of(2025, 3, 1),
                officer);
        String suspended = issued.get(1).number();
        certification.suspend(
                suspended, "Hậu kiểm", "QĐ đình chỉ " + SEQ.incrementAndGet(), LocalDate.of(2025, 5, 1), officer);
        certification.reinstate(suspended, "QĐ khôi phục " + SEQ.incrementAndGet(), LocalDate.of(2025, 7, 1), officer);
        EvaluationRound ministry = round("CENTRAL", null, TestUsers.centralOffice());
        dossiers.proposeToMinistry(dossier3, ministry.id(), officer);

        // Everything reached the read model: the last facts of each kind are there.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(count(
                            "SELECT count(*) FROM report_suspension WHERE until_on IS NOT NULL AND certificate_id IN"
                                    + " (SELECT id FROM report_certificate WHERE product_id = ?)",
                            e2))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM report_certificate WHERE product_id = ?", c1))
                    .isEqualTo(2);
            assertThat(count(
                            "SELECT count(*) FROM report_certificate WHERE product_id = ? AND revoked_on IS NOT NULL",
                            e1))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM report_dossier WHERE kind = 'PROPOSAL' AND product_id = ?", e3))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM report_rating WHERE product_id = ?", d1))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM report_producer WHERE id = ?", riceCooperative))
                    .isEqualTo(1);
            assertThat(count(
                            "SELECT count(*) FROM report_product WHERE producer_id IN (?, ?, ?, ?)",
                            cooperative,
                            enterprise,
                            household,
                            riceCooperative))
                    .isEqualTo(9);
        });
    }

    /** A commune of current Quảng Trị counted for the given legacy province. */
    private String communeOf(String legacyProvince) {
        return jdbc.sql("""
                        SELECT code FROM report_commune WHERE province_code = ? AND legacy_province_code = ?
                         ORDER BY code LIMIT 1""")
                .params(PROVINCE, legacyProvince)
                .query(String.class)
                .single();
    }

    private long producer(LegalType type, String name, String commune, boolean sme, String village, boolean womenLed) {
        ProducerDetails d = RegistryFixtures.aProducer(type, name, commune);
        return producers
                .register(
                        new ProducerDetails(
                                d.legalType(),
                                d.name(),
                                d.taxCode(),
                                d.representative(),
                                d.representativeTitle(),
                                d.phone(),
                                d.email(),
                                d.website(),
                                d.address(),
                                commune,
                                sme,
                                village != null,
                                womenLed,
                                false,
                                d.foundedYear(),
                                d.members(),
                                d.employees(),
                                null,
                                village),
                        admin)
                .id();
    }

    private long product(long producer, String name, int set) {
        return products.register(RegistryFixtures.aProduct(producer, name, set), admin)
                .id();
    }

    private void imported(long product, int star, String number, LocalDate issuedOn, CertificationLevel level) {
        products.recordRating(
                product, new CurrentRating(star, number, issuedOn, null, level, "IMPORTED"), authority(product, star));
    }

    /** Who records the rating (product.RatingAuthority): the central office 5★, the product's province the rest. */
    private CurrentUser authority(long product, int star) {
        return star == 5
                ? vn.ocop.TestUsers.centralOffice()
                : vn.ocop.TestUsers.provinceOfficer(products.get(product, admin).provinceCode());
    }

    private EvaluationRound round(String level, String province, CurrentUser organiser) {
        return rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt báo cáo " + SEQ.incrementAndGet(),
                        level,
                        province,
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                organiser);
    }

    private long rated(EvaluationRound round, long product, String commune, BigDecimal total, int star) {
        CurrentUser communeOfficer = TestUsers.communeOfficer(commune);
        long dossier = dossiers.create(round.id(), product, "FIRST", Map.of(), communeOfficer)
                .id();
        forms.completeAndSubmit(dossier, communeOfficer); // forms and required documents, then sent
        dossiers.forward(dossier, new CommuneReview(true, true, true, true, null), communeOfficer);
        dossiers.startEvaluation(dossier, officer);
        scoring.recordPaperResult(dossier, List.of(total), star, officer);
        return dossier;
    }

    private void awaitCandidates(long... dossierIds) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            for (long id : dossierIds) {
                assertThat(jdbc.sql("SELECT status FROM certification_candidate WHERE dossier_id = ?")
                                .param(id)
                                .query(String.class)
                                .optional())
                        .contains("PENDING");
            }
        });
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }
}
