package vn.ocop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import vn.ocop.IntegrationTest;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.OcopException;

/**
 * The figures of a unit on real PostgreSQL over the generated dataset of {@link ReportingDataset}, whose counts are
 * known: by star and legal type, shares against the right denominators, what is in force on a given day, flows over a
 * period, and legacy provinces adding up to the current one.
 */
@IntegrationTest
class ReportFiguresIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    ReportFigures figures;

    @Autowired
    org.springframework.transaction.PlatformTransactionManager transactionManager;

    private final CurrentUser central = TestUsers.centralOffice();
    private ReportingDataset data;

    @BeforeEach
    void dataset() {
        data = ReportingDataset.in(context);
    }

    private Summary summary(String unit, String edition, LocalDate asOf, LocalDate from, LocalDate to) {
        return figures.summary(new ReportFigures.Query(unit, edition, asOf, from, to), central);
    }

    @Test
    void certifiedProductsAndProducersByStarAndTypeAtTheEndOf2024() {
        Summary s = summary("44", null, LocalDate.of(2024, 12, 31), null, null);
        assertThat(s.unit()).isEqualTo(new ReportUnit("44", "Tỉnh Quảng Trị", "current", "province"));
        // a1 4★, a2 3★, b1 3★, b2 5★, c1 3★, e1 4★ and e2 4★ (platform, from 01/08/2024).
        assertThat(s.certifiedProducts().total()).isEqualTo(7);
        assertThat(s.certifiedProducts().byStar())
                .containsExactly(Map.entry("3", 3L), Map.entry("4", 3L), Map.entry("5", 1L));
        assertThat(s.certifiedProducts().shareByStar().get("3")).isEqualByComparingTo("42.8571");
        assertThat(s.certifiedProducts().shareByStar().get("5")).isEqualByComparingTo("14.2857");
        assertThat(s.certifiedProducts().byLegalType())
                .containsEntry("COOPERATIVE", 4L)
                .containsEntry("ENTERPRISE", 2L)
                .containsEntry("HOUSEHOLD_BUSINESS", 1L)
                .containsEntry("COOPERATIVE_GROUP", 0L)
                .containsEntry("OTHER", 0L);
        // Four producers hold a certificate: two cooperatives, an enterprise and a household.
        assertThat(s.producers().withCertifiedProducts()).isEqualTo(4);
        assertThat(s.producers().byLegalType()).containsEntry("COOPERATIVE", 2L).containsEntry("OTHER", 0L);
        assertThat(s.producers().shareByLegalType().get("COOPERATIVE")).isEqualByComparingTo("50.0000");
        assertThat(s.producers().shareByLegalType().get("ENTERPRISE")).isEqualByComparingTo("25.0000");
        assertThat(s.producers().byFlag())
                .containsEntry("SME", 1L)
                .containsEntry("CRAFT_VILLAGE", 1L)
                .containsEntry("WOMEN_LED", 1L)
                .containsEntry("ETHNIC_MINORITY_AREA", 0L);
        assertThat(s.craftVillages().known()).isEqualTo(1);
        assertThat(s.craftVillages().withCertifiedProducts()).isEqualTo(1);
        assertThat(s.craftVillages().share()).isEqualByComparingTo("100");
        assertThat(s.certifiedProducts().byGroup())
                .filteredOn(g -> g.count() > 0)
                .extracting(Summary.GroupCount::code, Summary.GroupCount::count)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("I.2", 1L), // e1 rice (set 3)
                        org.assertj.core.groups.Tuple.tuple("I.3", 3L), // b1, b2, e2 (set 6)
                        org.assertj.core.groups.Tuple.tuple("IV.1", 2L), // a1, a2 (set 21)
                        org.assertj.core.groups.Tuple.tuple("IV.2", 1L)); // c1 (set 22)
    }

    @Test
    void aCertificateCountsOnlyWhileInForce() {
        // 01/06/2025: b1 expired (10/01/2025), c1 upgraded to 4★, e1 revoked (01/03/2025), e2 suspended.
        Summary june = summary("44", null, LocalDate.of(2025, 6, 1), LocalDate.of(2025, 1, 1), null);
        assertThat(june.certifiedProducts().byStar())
                .containsExactly(Map.entry("3", 1L), Map.entry("4", 2L), Map.entry("5", 1L));
        assertThat(june.certifiedProducts().total()).isEqualTo(4);
        assertThat(june.certificates().issued()).isEqualTo(1);
        assertThat(june.certificates().upgraded()).isEqualTo(1);
        assertThat(june.certificates().expired()).isEqualTo(1);
        assertThat(june.certificates().revoked()).isEqualTo(1);
        // 01/08/2025: e2 reinstated on 01/07/2025.
        Summary august = summary("44", null, LocalDate.of(2025, 8, 1), null, null);
        assertThat(august.certifiedProducts().byStar())
                .containsExactly(Map.entry("3", 1L), Map.entry("4", 3L), Map.entry("5", 1L));
        // Before anything: nothing; a day before a1's issue: b1 only.
        assertThat(summary("44", null, LocalDate.of(2021, 12, 31), null, null)
                        .certifiedProducts()
                        .total())
                .isZero();
        assertThat(summary("44", null, LocalDate.of(2023, 2, 28), null, null)
                        .certifiedProducts()
                        .total())
                .isEqualTo(1);
        // The issue date is the first day in force, the expiry date the last.
        assertThat(summary("44", null, LocalDate.of(2025, 1, 10), null, null)
                        .certifiedProducts()
                        .byStar()
                        .get("3"))
                .as("b1 on its last day, a2, and c1 until its upgrade")
                .isEqualTo(3);
        assertThat(summary("44", null, LocalDate.of(2025, 1, 11), null, null)
                        .certifiedProducts()
                        .byStar()
                        .get("3"))
                .isEqualTo(2);
    }

    @Test
    void flowsOfThePeriodEvaluationsAndProposals() {
        // Council results are dated the day they reach the read model: today.
        Summary s = summary("44", null, null, LocalDate.of(2024, 1, 1), null);
        // Issued since 2024: a2, b2, c1 (3★), c1 (4★), e1, e2 — a1 and b1 are older.
        assertThat(s.certificates().issued()).isEqualTo(6);
        assertThat(s.certificates().newlyCertified()).isEqualTo(5);
        assertThat(s.certificates().upgraded()).isEqualTo(1);
        assertThat(s.certificates().issuedByStar())
                .containsExactly(Map.entry("3", 2L), Map.entry("4", 3L), Map.entry("5", 1L));
        // Evaluated in the period (latest result per product): a2 3, b2 5, c1 4, d1 2, e1 4, e2 4, e3 5.
        assertThat(s.evaluations().products()).isEqualTo(7);
        assertThat(s.evaluations().byStar())
                .containsEntry("2", 1L)
                .containsEntry("4", 3L)
                .containsEntry("5", 2L);
        assertThat(s.evaluations().reachingThreeStars()).isEqualTo(6);
        assertThat(s.evaluations().shareReachingThreeStars()).isEqualByComparingTo("85.7143");
        assertThat(s.fiveStarProposals()).isEqualTo(1);
        assertThat(s.dossiersByStage()).containsEntry("RATED", 3L).containsEntry("FORWARDED", 1L);
    }

    @Test
    void aMergedProvinceIsTheSumOfItsLegacyProvinces() {
        LocalDate day = LocalDate.of(2024, 12, 31);
        Summary current = summary("44", "current", day, null, null);
        Summary north = summary(ReportingDataset.LEGACY_NORTH, "legacy", day, null, null);
        Summary south = summary(ReportingDataset.LEGACY_SOUTH, "legacy", day, null, null);
        assertThat(north.unit()).isEqualTo(new ReportUnit("44", "Tỉnh Quảng Bình", "legacy", "province"));
        assertThat(south.unit().name()).isEqualTo("Tỉnh Quảng Trị");
        // Commune A counts for Quảng Bình (a1, a2, b1, b2), commune B for legacy Quảng Trị (c1, e1, e2).
        assertThat(north.certifiedProducts().total()).isEqualTo(4);
        assertThat(south.certifiedProducts().total()).isEqualTo(3);
        for (String star : ReportFigures.CERTIFIED_STARS) {
            assertThat(north.certifiedProducts().byStar().get(star)
                            + south.certifiedProducts().byStar().get(star))
                    .isEqualTo(current.certifiedProducts().byStar().get(star));
        }
        assertThat(north.producers().withCertifiedProducts() + south.producers().withCertifiedProducts())
                .isEqualTo(current.producers().withCertifiedProducts());
    }

    @Test
    void provincesAddUpToTheNationInBothEditions() {
        LocalDate day = LocalDate.of(2026, 12, 1);
        // Both readings from one snapshot: other test classes issue certificates meanwhile.
        record Reading(ReportFigures.Comparison comparison, Summary nation) {}
        org.springframework.transaction.support.TransactionTemplate snapshot =
                new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        snapshot.setIsolationLevel(org.springframework.transaction.TransactionDefinition.ISOLATION_REPEATABLE_READ);
        snapshot.setReadOnly(true);
        for (String edition : new String[] {"current", "legacy"}) {
            Reading reading = snapshot.execute(t -> new Reading(
                    figures.provinces(new ReportFigures.Query(null, edition, day, null, null), central),
                    summary(null, edition, day, null, null)));
            ReportFigures.Comparison comparison = reading.comparison();
            Summary nation = reading.nation();
            assertThat(comparison.provinces()).hasSize(edition.equals("current") ? 34 : 63);
            assertThat(comparison.provinces().stream()
                            .mapToLong(ReportFigures.ProvinceLine::certifiedProducts)
                            .sum())
                    .isEqualTo(nation.certifiedProducts().total())
                    .isEqualTo(comparison.nation().certifiedProducts())
                    .isPositive();
            assertThat(comparison.provinces().stream()
                            .mapToLong(ReportFigures.ProvinceLine::producers)
                            .sum())
                    .isEqualTo(nation.producers().withCertifiedProducts());
            assertThat(comparison.provinces().stream()
                            .mapToLong(ReportFigures.ProvinceLine::issued)
                            .sum())
                    .isEqualTo(nation.certificates().issued());
        }
    }

    @Test
    void officersReadTheirOwnUnitsOnly() {
        CurrentUser province = TestUsers.provinceOfficer("44");
        ReportFigures.Query legacyNorth = new ReportFigures.Query("44", "legacy", null, null, null);
        assertThat(figures.summary(new ReportFigures.Query("44", null, null, null, null), province)
                        .unit()
                        .code())
                .isEqualTo("44");
        assertThat(figures.summary(legacyNorth, province).unit().name()).isEqualTo("Tỉnh Quảng Bình");
        assertThat(figures.summary(new ReportFigures.Query(data.communeB, null, null, null, null), province)
                        .certifiedProducts()
                        .total())
                .isEqualTo(2); // c1 4★, e2 4★ (reinstated); e1 revoked
        forbidden(province, new ReportFigures.Query(null, null, null, null, null));
        forbidden(province, new ReportFigures.Query("82", null, null, null, null));
        forbidden(province, new ReportFigures.Query("87", "legacy", null, null, null));
        CurrentUser commune = TestUsers.communeOfficer(data.communeA);
        assertThat(figures.summary(new ReportFigures.Query(data.communeA, null, null, null, null), commune)
                        .certifiedProducts()
                        .total())
                .isEqualTo(2); // a2 and b2 today (a1 expired on 01/03/2026)
        forbidden(commune, new ReportFigures.Query("44", null, null, null, null));
        forbidden(commune, new ReportFigures.Query(data.communeB, null, null, null, null));
        forbidden(TestUsers.councilMember("44"), new ReportFigures.Query("44", null, null, null, null));
        forbidden(TestUsers.producerAccount(data.cooperative), new ReportFigures.Query("44", null, null, null, null));
    }

    @Test
    void badQuestionsGetClearErrors() {
        assertThatThrownBy(() -> summary("99999", null, null, null, null))
                .isInstanceOf(OcopException.class)
                .hasMessageContaining("GEO-001");
        assertThatThrownBy(() -> summary("44", "1990", null, null, null)).hasMessageContaining("RPT-001");
        assertThatThrownBy(() -> summary("44", null, LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 1), null))
                .hasMessageContaining("RPT-002");
        assertThatThrownBy(() -> summary("44", null, null, LocalDate.of(2001, 1, 1), LocalDate.of(2025, 1, 1)))
                .hasMessageContaining("RPT-002");
    }

    private void forbidden(CurrentUser user, ReportFigures.Query query) {
        assertThatThrownBy(() -> figures.summary(query, user))
                .isInstanceOf(OcopException.class)
                .hasMessageContaining("COMMON-004");
    }
}
