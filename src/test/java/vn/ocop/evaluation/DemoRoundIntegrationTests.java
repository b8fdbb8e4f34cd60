package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.workspace.WorkItem;
import vn.ocop.workspace.Workspace;

/**
 * The default run's demo evaluation round: a dossier at every stage, made by the demo accounts themselves, so that
 * each of them finds its work waiting; a second run (the next start) changes nothing.
 */
// The same context as DemoUsersIntegrationTests: its own database, with the demo data.
@SpringBootTest(properties = {"ocop.demo-data.enabled=true", "ocop.embedded-db.database=ocop_demo"})
@ActiveProfiles("test")
class DemoRoundIntegrationTests {

    @Autowired
    DemoRound demoRound;

    @Autowired
    EvaluationRounds rounds;

    @Autowired
    Dossiers dossiers;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Workspace workspace;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theDemoRoundHoldsADossierAtEveryStageAndEveryoneFindsTheirWork() throws Exception {
        CurrentUser province = user("dongthap.tinh");
        EvaluationRound round = demoRoundOf(province);
        demoRound.run(null); // the next start: nothing new
        assertThat(rounds.list(province).stream().filter(r -> r.name().startsWith(DemoRound.ROUND_NAME_PREFIX)))
                .hasSize(1);
        assertThat(round.status()).isEqualTo("OPEN");

        Map<String, DossierStatus> statuses = dossiers.inRound(round.id(), province).stream()
                .collect(Collectors.toMap(
                        Dossiers.DossierLine::productName, l -> l.dossier().status()));
        assertThat(statuses)
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "Nem chua Mỹ Trà",
                        DossierStatus.DRAFT,
                        "Bánh phồng tôm Sen Hồng",
                        DossierStatus.SUBMITTED,
                        "Hạt sen sấy Mỹ Trà",
                        DossierStatus.FORWARDED,
                        "Mứt sen Sen Hồng",
                        DossierStatus.UNDER_EVALUATION,
                        "Xoài cát Hòa Lộc Mỹ Trà",
                        DossierStatus.RATED,
                        DemoRound.CERTIFIED_PRODUCT,
                        DossierStatus.RATED));
        Map<String, Integer> stars = dossiers.inRound(round.id(), province).stream()
                .filter(l -> l.dossier().resultStar() != null)
                .collect(Collectors.toMap(
                        Dossiers.DossierLine::productName, l -> l.dossier().resultStar()));
        assertThat(stars).isEqualTo(Map.of("Xoài cát Hòa Lộc Mỹ Trà", 3, DemoRound.CERTIFIED_PRODUCT, 4));
        assertThat(rounds.members(round.id(), province))
                .extracting(EvaluationRounds.Member::displayName, EvaluationRounds.Member::role)
                .hasSize(2);

        // Each demo account finds its work: the producers, the commune, the council (only the chair still owes a
        // sheet), the province (to seat a council for one dossier, to certify the other rated one).
        assertThat(kinds("htx.mytra")).contains("work.dossier.draft");
        assertThat(subjects("caolanh.xa", "work.dossier.check")).anyMatch(s -> s.contains("Bánh phồng tôm Sen Hồng"));
        assertThat(subjects("dongthap.tinh", "work.dossier.toCouncil")).anyMatch(s -> s.contains("Hạt sen sấy Mỹ Trà"));
        assertThat(links("hoidong.dongthap", "work.sheet.score")).hasSize(1);
        assertThat(links("hoidong2.dongthap", "work.sheet.score")).isEmpty();
        assertThat(kinds("senhong.caolanh")).contains("work.dossier.beingScored");
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(subjects("dongthap.tinh", "work.certificate.issue"))
                        .anyMatch(s -> s.contains("Xoài cát Hòa Lộc Mỹ Trà"))
                        .noneMatch(s -> s.contains(DemoRound.CERTIFIED_PRODUCT)));

        // The certified product has its certificate, decided by the province's officer; the producer was told.
        long product = dossiers.inRound(round.id(), province).stream()
                .filter(l -> l.productName().equals(DemoRound.CERTIFIED_PRODUCT))
                .findFirst()
                .orElseThrow()
                .dossier()
                .productId();
        assertThat(jdbc.sql("SELECT count(*) FROM certificate WHERE product_id = ? AND star = 4")
                        .param(product)
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM notification WHERE user_id = ? AND title_key = ?")
                        .params(user("senhong.caolanh").id(), "notify.certificate.issued.title")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private EvaluationRound demoRoundOf(CurrentUser province) {
        return rounds.list(province).stream()
                .filter(r -> r.name().startsWith(DemoRound.ROUND_NAME_PREFIX))
                .findFirst()
                .orElseThrow();
    }

    private List<String> kinds(String username) {
        return workspace.workFor(user(username)).stream().map(WorkItem::kind).toList();
    }

    private List<String> subjects(String username, String kind) {
        return items(username, kind).stream().map(WorkItem::subject).toList();
    }

    private List<String> links(String username, String kind) {
        return items(username, kind).stream().map(WorkItem::link).toList();
    }

    private List<WorkItem> items(String username, String kind) {
        return workspace.workFor(user(username)).stream()
                .filter(i -> i.kind().equals(kind))
                .toList();
    }

    private CurrentUser user(String username) {
        UserSummary u = accounts.list(new CurrentUser(0, "system", "Hệ thống", Role.SYSTEM_ADMIN, null, null)).stream()
                .filter(a -> a.username().equals(username))
                .findFirst()
                .orElseThrow();
        return new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.jurisdictionCode(), u.producerId());
    }
}
