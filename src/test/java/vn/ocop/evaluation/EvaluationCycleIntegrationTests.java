package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.certification.Certification;
import vn.ocop.evaluation.criteria.OptionDefinition;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;
import vn.ocop.shared.OcopClock;
import vn.ocop.workspace.WorkItem;
import vn.ocop.workspace.Workspace;

/**
 * A whole cycle with the people of two provinces: who is told at each step (and nobody else), and what each person's
 * work queue holds at each step, in their jurisdiction only.
 *
 * <p>Other test classes run side by side in the same provinces, and an officer is rightly told of their dossiers too:
 * notifications are counted about this test's round, dossier and certificate only (their links, see {@link #about}).
 */
@IntegrationTest
class EvaluationCycleIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    UserAccounts users;

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
    CriteriaSets criteria;

    @Autowired
    Certification certification;

    @Autowired
    Workspace workspace;

    @Autowired
    DossierFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    private final CurrentUser admin = TestUsers.admin();

    /** The links of what this test made (a round, a dossier, a certificate): the notifications it counts. */
    private final List<String> about = new java.util.ArrayList<>();

    @Test
    void everyStepTellsExactlyThePeopleConcernedAndQueuesTheirWork() {
        long producerId = producers
                .register(
                        RegistryFixtures.aCooperative(
                                "HTX chu trình " + SEQ.incrementAndGet(), RegistryFixtures.CAO_LANH),
                        admin)
                .id();
        long otherProducerId = producers
                .register(
                        RegistryFixtures.aCooperative("HTX khác " + SEQ.incrementAndGet(), RegistryFixtures.SA_DEC),
                        admin)
                .id();
        long productId = products.register(RegistryFixtures.aProduct(producerId, "Mắm cá linh chu trình", 9), admin)
                .id();
        CurrentUser producer = producerAccount(producerId);
        CurrentUser otherProducer = producerAccount(otherProducerId);
        CurrentUser province = user(Role.PROVINCE_OFFICER, "82");
        CurrentUser otherProvince = user(Role.PROVINCE_OFFICER, "01");
        CurrentUser commune = user(Role.COMMUNE_OFFICER, RegistryFixtures.CAO_LANH);
        CurrentUser neighbour = user(Role.COMMUNE_OFFICER, RegistryFixtures.SA_DEC);
        CurrentUser farCommune = user(Role.COMMUNE_OFFICER, RegistryFixtures.BA_DINH);
        CurrentUser chair = user(Role.COUNCIL_MEMBER, "82");
        CurrentUser member = user(Role.COUNCIL_MEMBER, "82");
        CurrentUser otherCouncil = user(Role.COUNCIL_MEMBER, "01");
        List<CurrentUser> everyone = List.of(
                producer,
                otherProducer,
                province,
                otherProvince,
                commune,
                neighbour,
                farCommune,
                chair,
                member,
                otherCouncil);

        // The province opens a round: the communes of the province are told, not those of another province.
        EvaluationRound round = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt chu trình " + SEQ.incrementAndGet(),
                        "PROVINCE",
                        "82",
                        2027,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                province);
        about.add("/evaluation/rounds/" + round.id());
        assertToldOnly(everyone, "notify.round.opened.title", commune, neighbour);
        // Its producers find it in their queue until they file.
        String filing = "/evaluation/rounds/" + round.id() + "/file";
        assertThat(links(producer, "work.round.file")).contains(filing);
        assertThat(links(otherProducer, "work.round.file")).contains(filing);

        rounds.seat(round.id(), chair.id(), "CHAIR", province);
        rounds.seat(round.id(), member.id(), "MEMBER", province);
        assertToldOnly(everyone, "notify.round.seatedChair.title", chair);
        assertToldOnly(everyone, "notify.round.seated.title", member);

        // The producer files, completes and sends its dossier.
        long dossier = dossiers.create(round.id(), productId, "FIRST", Map.of(), producer)
                .id();
        about.add("/evaluation/dossiers/" + dossier);
        assertThat(items(producer, "work.dossier.draft"))
                .extracting(WorkItem::link)
                .containsExactly("/evaluation/dossiers/" + dossier);
        assertThat(links(producer, "work.round.file")).doesNotContain(filing);
        assertThat(links(otherProducer, "work.round.file")).contains(filing);
        assertToldOnly(everyone, "notify.dossier.created.title", producer);
        fixtures.completeAndSubmit(dossier, producer);
        assertToldOnly(everyone, "notify.dossier.submitted.title", producer);
        assertToldOnly(everyone, "notify.dossier.toCheck.title", commune);
        WorkItem check = items(commune, "work.dossier.check").stream()
                .filter(i -> i.link().equals("/evaluation/dossiers/" + dossier))
                .findFirst()
                .orElseThrow();
        assertThat(check.link()).isEqualTo("/evaluation/dossiers/" + dossier);
        assertThat(check.deadline()).isEqualTo(dossiers.get(dossier, commune).communeDeadline());
        assertThat(check.subject()).contains("Mắm cá linh chu trình").contains("HTX chu trình");
        assertThat(items(neighbour, "work.dossier.check"))
                .noneMatch(i -> i.link().endsWith("/" + dossier));
        assertThat(items(producer, "work.dossier.draft")).isEmpty();

        // The commune forwards: the producer and the province's officers are told; the province must act.
        dossiers.forward(dossier, new CommuneReview(true, true, true, true, "Đạt"), commune);
        assertToldOnly(everyone, "notify.dossier.forwarded.title", producer);
        assertToldOnly(everyone, "notify.dossier.toCouncil.title", province);
        assertThat(items(commune, "work.dossier.check")).noneMatch(i -> i.link().endsWith("/" + dossier));
        assertThat(links(province, "work.dossier.toCouncil")).contains("/evaluation/dossiers/" + dossier);
        assertThat(links(otherProvince, "work.dossier.toCouncil")).doesNotContain("/evaluation/dossiers/" + dossier);

        // The council opens: its members are told a sheet is due and find it in their queue.
        dossiers.startEvaluation(dossier, province);
        assertToldOnly(everyone, "notify.dossier.underEvaluation.title", producer);
        assertToldOnly(everyone, "notify.dossier.sheetDue.title", chair, member);
        String sheet = "/evaluation/dossiers/" + dossier + "/scoresheet";
        assertThat(links(member, "work.sheet.score")).contains(sheet);
        assertThat(links(chair, "work.sheet.score")).contains(sheet);
        assertThat(links(otherCouncil, "work.sheet.score")).doesNotContain(sheet);
        assertThat(links(producer, "work.dossier.beingScored")).contains("/evaluation/dossiers/" + dossier);

        // Both score; once all sheets are in, the chair (and only the chair) is told, and may close.
        Map<String, Integer> best = best(dossiers.get(dossier, member));
        scoring.save(dossier, best, member);
        scoring.submit(dossier, member);
        assertThat(links(member, "work.sheet.score")).doesNotContain(sheet);
        assertThat(told(chair, "notify.dossier.readyToClose.title")).isZero();
        scoring.save(dossier, best, chair);
        scoring.submit(dossier, chair);
        assertToldOnly(everyone, "notify.dossier.readyToClose.title", chair);
        assertThat(links(chair, "work.dossier.close")).contains("/evaluation/dossiers/" + dossier);
        assertThat(links(member, "work.dossier.close")).doesNotContain("/evaluation/dossiers/" + dossier);

        // The chair closes: a 5★ result at province level is a candidate for the ministry.
        scoring.close(dossier, chair);
        assertToldOnly(everyone, "notify.dossier.rated.title", producer, commune);
        assertToldOnly(everyone, "notify.dossier.toPropose.title", province);
        assertThat(links(province, "work.dossier.propose")).contains("/evaluation/dossiers/" + dossier);
        assertThat(links(province, "work.dossier.toCouncil")).doesNotContain("/evaluation/dossiers/" + dossier);

        // The menu's count is the queue's length.
        for (CurrentUser someone : everyone) {
            assertThat(workspace.countFor(someone))
                    .as(someone.username())
                    .isEqualTo(workspace.workFor(someone).size());
        }
    }

    @Test
    void aCertificateIssuedTellsTheProducerAndItsCommuneAndLeavesTheProvinceQueue() {
        long producerId = producers
                .register(
                        RegistryFixtures.aCooperative(
                                "HTX chứng nhận " + SEQ.incrementAndGet(), RegistryFixtures.CAO_LANH),
                        admin)
                .id();
        long productId = products.register(RegistryFixtures.aProduct(producerId, "Bánh phồng tôm chu trình", 6), admin)
                .id();
        CurrentUser producer = producerAccount(producerId);
        CurrentUser province = user(Role.PROVINCE_OFFICER, "82");
        CurrentUser commune = user(Role.COMMUNE_OFFICER, RegistryFixtures.CAO_LANH);
        CurrentUser neighbour = user(Role.COMMUNE_OFFICER, RegistryFixtures.SA_DEC);
        EvaluationRound round = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt chứng nhận " + SEQ.incrementAndGet(),
                        "PROVINCE",
                        "82",
                        2027,
                        LocalDate.of(2099, 10, 30),
                        LocalDate.of(2099, 12, 30)),
                province);
        long dossier = dossiers.create(round.id(), productId, "FIRST", Map.of(), producer)
                .id();
        about.add("/evaluation/dossiers/" + dossier);
        fixtures.completeAndSubmit(dossier, producer);
        dossiers.forward(dossier, new CommuneReview(true, true, true, true, null), commune);
        dossiers.startEvaluation(dossier, province);
        scoring.recordPaperResult(dossier, List.of(new java.math.BigDecimal("75")), 4, province);
        assertToldOnly(
                List.of(producer, province, commune, neighbour), "notify.dossier.ratedToCertify.title", province);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(kinds(province)).contains("work.certificate.issue"));
        // The item opens the list of the round's products awaiting a decision, named by the product.
        assertThat(items(province, "work.certificate.issue"))
                .anySatisfy(i -> assertThat(i.link()).isEqualTo("/certification?round=" + round.id()))
                .anySatisfy(i -> assertThat(i.subject()).isEqualTo("Bánh phồng tôm chu trình"));

        List<vn.ocop.certification.Certificate> issued = certification.issue(
                new Certification.IssueDecision(
                        "QĐ " + SEQ.incrementAndGet() + "/QĐ-UBND",
                        LocalDate.now(OcopClock.VIETNAM),
                        "Chủ tịch UBND tỉnh Đồng Tháp",
                        List.of(dossier)),
                province);
        issued.forEach(c -> about.add("/certificates/" + c.number()));
        assertToldOnly(
                List.of(producer, province, commune, neighbour), "notify.certificate.issued.title", producer, commune);
        assertThat(items(province, "work.certificate.issue"))
                .noneMatch(i -> i.subject().equals("Bánh phồng tôm chu trình"));
    }

    private void assertToldOnly(List<CurrentUser> everyone, String titleKey, CurrentUser... expected) {
        List<CurrentUser> told =
                everyone.stream().filter(u -> told(u, titleKey) > 0).toList();
        assertThat(told).as(titleKey).containsExactlyInAnyOrder(expected);
        for (CurrentUser u : expected) {
            assertThat(told(u, titleKey)).as(titleKey + " to " + u.username()).isEqualTo(1);
        }
    }

    private int told(CurrentUser user, String titleKey) {
        return jdbc.sql("""
                        SELECT count(*) FROM notification
                         WHERE user_id = ? AND title_key = ?
                           AND (link = ANY(?) OR link LIKE ANY(?))
                        """)
                .params(
                        user.id(),
                        titleKey,
                        about.toArray(String[]::new),
                        about.stream().map(l -> l + "/%").toArray(String[]::new))
                .query(Integer.class)
                .single();
    }

    private List<String> kinds(CurrentUser user) {
        return workspace.workFor(user).stream().map(WorkItem::kind).toList();
    }

    private List<WorkItem> items(CurrentUser user, String kind) {
        return workspace.workFor(user).stream()
                .filter(i -> i.kind().equals(kind))
                .toList();
    }

    private List<String> links(CurrentUser user, String kind) {
        return items(user, kind).stream().map(WorkItem::link).toList();
    }

    private Map<String, Integer> best(DossierView dossier) {
        Map<String, Integer> choices = new LinkedHashMap<>();
        criteria.set(dossier.criteriaVersion(), dossier.setNo())
                .criteria()
                .forEach(c -> choices.put(
                        c.code(),
                        c.options().stream()
                                .max(java.util.Comparator.comparing(OptionDefinition::points))
                                .orElseThrow()
                                .index()));
        return choices;
    }

    private CurrentUser user(Role role, String jurisdiction) {
        String username = "cycle." + role.name().toLowerCase().replace('_', '-') + "." + SEQ.incrementAndGet();
        UserSummary created = users.create(
                new CreateUser(username, "Người " + username, null, role, jurisdiction, "Chu-trinh-2026!"), admin);
        return new CurrentUser(created.id(), username, created.displayName(), role, jurisdiction, null);
    }

    private CurrentUser producerAccount(long producerId) {
        String username = "cycle.producer." + SEQ.incrementAndGet();
        UserSummary created = users.create(
                new CreateUser(
                        username, "Chủ thể " + username, null, Role.PRODUCER, null, "Chu-trinh-2026!", producerId),
                admin);
        return new CurrentUser(created.id(), username, created.displayName(), Role.PRODUCER, null, producerId);
    }
}
