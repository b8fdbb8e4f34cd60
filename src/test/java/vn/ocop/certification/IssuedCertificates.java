package vn.ocop.certification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.evaluation.CommuneReview;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.evaluation.EvaluationRound;
import vn.ocop.evaluation.EvaluationRounds;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;

/**
 * Certificates issued through the real workflow (used by other modules' tests too, e.g. the catalog's): a cooperative in Phường Cao Lãnh (Đồng Tháp, 82), its product, a
 * round, a dossier through the commune check, a paper council result and a recognition decision on a chosen day. A
 * bean of the test context: autowire it.
 */
@org.springframework.stereotype.Component
public record IssuedCertificates(
        ProducerRegistry producers,
        ProductRegistry products,
        EvaluationRounds rounds,
        Dossiers dossiers,
        CouncilScoring scoring,
        Certification certification,
        JdbcClient jdbc,
        vn.ocop.evaluation.DossierFixtures fixtures) {

    private static final AtomicInteger SEQ = new AtomicInteger();
    /** Decision numbers are unique per province: other tests number theirs 1, 2, 3… too. */
    private static final String RUN =
            Long.toString(System.nanoTime() % 100_000, 36).toUpperCase();

    /** A 4★ certificate decided by the province on {@code decidedOn} (valid 36 months from that day). */
    public Certificate province(String productName, LocalDate decidedOn) {
        return province(productName, decidedOn, RegistryFixtures.DONG_THAP, RegistryFixtures.CAO_LANH);
    }

    /** The same, for a cooperative of {@code communeCode} in {@code provinceCode}, decided by that province. */
    public Certificate province(String productName, LocalDate decidedOn, String provinceCode, String communeCode) {
        CurrentUser officer = TestUsers.provinceOfficer(provinceCode);
        long dossier = rated(productName, "PROVINCE", new BigDecimal("75"), 4, officer, provinceCode, communeCode);
        return issue(dossier, decidedOn, "QĐ-UBND", officer);
    }

    /**
     * A 5★ certificate decided by the ministry: the province council's 5★ result proposed to a central round (Art.
     * 7.3.e), scored there and decided.
     */
    public Certificate ministry(String productName, LocalDate decidedOn) {
        CurrentUser officer = TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP);
        CurrentUser central = TestUsers.centralOffice();
        long provinceDossier = rated(
                productName,
                "PROVINCE",
                new BigDecimal("92"),
                5,
                officer,
                RegistryFixtures.DONG_THAP,
                RegistryFixtures.CAO_LANH);
        EvaluationRound ministryRound = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt Bộ " + SEQ.incrementAndGet(),
                        "CENTRAL",
                        null,
                        2026,
                        LocalDate.of(2099, 7, 30),
                        LocalDate.of(2099, 9, 30)),
                central);
        long proposal = dossiers.proposeToMinistry(provinceDossier, ministryRound.id(), officer)
                .id();
        dossiers.startEvaluation(proposal, central);
        scoring.recordPaperResult(proposal, List.of(new BigDecimal("92")), 5, central);
        return issue(proposal, decidedOn, "QĐ-BNNMT", central);
    }

    private Certificate issue(long dossier, LocalDate decidedOn, String suffix, CurrentUser actor) {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(
                        () -> assertThat(jdbc.sql("SELECT status FROM certification_candidate WHERE dossier_id = ?")
                                        .param(dossier)
                                        .query(String.class)
                                        .optional())
                                .contains("PENDING"));
        councilResultMonthBefore(jdbc, dossier, decidedOn);
        return certification
                .issue(
                        new Certification.IssueDecision(
                                "QĐ " + SEQ.incrementAndGet() + "-" + RUN + "/" + suffix,
                                decidedOn,
                                "Chủ tịch UBND tỉnh Đồng Tháp",
                                List.of(dossier)),
                        actor)
                .get(0);
    }

    /** Dates the dossier's council result a month before {@code decidedOn}: a decision never precedes its result. */
    static void councilResultMonthBefore(JdbcClient jdbc, long dossier, LocalDate decidedOn) {
        jdbc.sql("UPDATE certification_candidate SET created_at = ? WHERE dossier_id = ?")
                .params(
                        java.sql.Timestamp.from(decidedOn
                                .minusMonths(1)
                                .atStartOfDay(vn.ocop.shared.OcopClock.VIETNAM)
                                .toInstant()),
                        dossier)
                .update();
    }

    private long rated(
            String productName,
            String level,
            BigDecimal total,
            int star,
            CurrentUser organiser,
            String provinceCode,
            String communeCode) {
        CurrentUser admin = TestUsers.admin();
        long producer = producers
                .register(RegistryFixtures.aCooperative("HTX nhắc hạn " + SEQ.incrementAndGet(), communeCode), admin)
                .id();
        long product = products.register(RegistryFixtures.aProduct(producer, productName, 12), admin)
                .id();
        EvaluationRound round = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt nhắc hạn " + SEQ.incrementAndGet(),
                        level,
                        "PROVINCE".equals(level) ? provinceCode : null,
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                organiser);
        CurrentUser commune = TestUsers.communeOfficer(communeCode);
        long dossier =
                dossiers.create(round.id(), product, "FIRST", Map.of(), commune).id();
        fixtures.completeAndSubmit(dossier, commune);
        dossiers.forward(dossier, new CommuneReview(true, true, true, true, null), commune);
        dossiers.startEvaluation(dossier, organiser);
        scoring.recordPaperResult(dossier, List.of(total), star, organiser);
        return dossier;
    }
}
