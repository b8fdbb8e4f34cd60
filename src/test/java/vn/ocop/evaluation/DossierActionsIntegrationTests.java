package vn.ocop.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static vn.ocop.TestUsers.as;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.product.ProductRegistry;

/**
 * Issue #12: for every dossier status and every role of its own jurisdiction, the actions the dossier page renders
 * (its forms and links marked {@code data-action}) are exactly the ones the server accepts when each action is posted
 * as that person, and exactly {@link Dossiers#actionsFor}.
 */
@IntegrationTest
@vn.ocop.LongRunning
class DossierActionsIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final Pattern DATA_ACTION = Pattern.compile("data-action=\"([A-Z_]+)\"");

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
    UserAccounts users;

    @Autowired
    DossierFixtures fixtures;

    @Autowired
    MockMvc mvc;

    private final CurrentUser admin = TestUsers.admin();
    private final CurrentUser province = TestUsers.provinceOfficer(RegistryFixtures.DONG_THAP);
    private final CurrentUser commune = TestUsers.communeOfficer(RegistryFixtures.CAO_LANH);
    private final CurrentUser central = TestUsers.centralOffice();

    private long producerId;
    private CurrentUser producer;
    private CurrentUser chair;
    private CurrentUser member;
    private EvaluationRound round;
    private EvaluationRound ministryRound;

    @Test
    void everyStatusAndRoleIsOfferedExactlyWhatTheServerAccepts() throws Exception {
        String tag = "A" + System.nanoTime() % 1_000_000 + "-" + SEQ.incrementAndGet();
        producerId = producers
                .register(RegistryFixtures.aCooperative("HTX hành động " + tag, RegistryFixtures.CAO_LANH), admin)
                .id();
        producer = TestUsers.producerAccount(producerId);
        chair = councilMember(tag);
        member = councilMember(tag);
        round = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt hành động " + tag,
                        "PROVINCE",
                        RegistryFixtures.DONG_THAP,
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                province);
        rounds.seat(round.id(), chair.id(), "CHAIR", province);
        rounds.seat(round.id(), member.id(), "MEMBER", province);
        ministryRound = rounds.open(
                new EvaluationRounds.OpenRound(
                        "Đợt Bộ hành động " + tag,
                        "CENTRAL",
                        null,
                        2026,
                        LocalDate.of(2099, 7, 30),
                        LocalDate.of(2099, 9, 30)),
                central);

        Map<String, LongSupplier> states = new LinkedHashMap<>();
        states.put("DRAFT (complete)", this::draft);
        states.put("SUBMITTED", this::submitted);
        states.put("RETURNED", () -> {
            long id = submitted();
            dossiers.returnToProducer(id, "Thiếu phiếu kiểm nghiệm", commune);
            return id;
        });
        states.put("FORWARDED", this::forwarded);
        states.put("UNDER_EVALUATION", this::underEvaluation);
        states.put("UNDER_EVALUATION (all sheets in)", this::allSheetsIn);
        states.put("RATED (5★, province)", () -> {
            long id = allSheetsIn();
            scoring.close(id, chair);
            return id;
        });
        states.put("KNOCKED_OUT", () -> {
            long id = submitted();
            dossiers.knockOut(id, ground(id), "Không đạt", commune);
            return id;
        });
        states.put("WITHDRAWN", () -> {
            long id = submitted();
            dossiers.withdraw(id, producer);
            return id;
        });
        Map<String, CurrentUser> people = new LinkedHashMap<>();
        people.put("producer", producer);
        people.put("commune officer", commune);
        people.put("province officer", province);
        people.put("council chair", chair);
        people.put("council member", member);
        people.put("central office", central);

        List<String> mismatches = new ArrayList<>();
        Set<DossierAction> everAccepted = EnumSet.noneOf(DossierAction.class);
        for (var state : states.entrySet()) {
            // One dossier in this state for everyone in turn: a refused action leaves it as it was (the security
            // suite checks that refused calls write nothing), an accepted one is followed by a fresh dossier.
            long dossier = state.getValue().getAsLong();
            for (var person : people.entrySet()) {
                Set<DossierAction> rendered = rendered(dossier, person.getValue());
                Set<DossierAction> service = serviceActions(dossier, person.getValue());
                Set<DossierAction> accepted = EnumSet.noneOf(DossierAction.class);
                for (DossierAction action : DossierAction.values()) {
                    if (accepts(dossier, action, person.getValue())) {
                        accepted.add(action);
                        // The step changed the dossier: the next action is tried on a fresh one.
                        dossier = state.getValue().getAsLong();
                    }
                }
                everAccepted.addAll(accepted);
                if (!rendered.equals(accepted) || !service.equals(accepted)) {
                    mismatches.add(state.getKey() + " × " + person.getKey() + ": page " + rendered + ", actionsFor "
                            + service + ", server accepts " + accepted);
                }
            }
        }
        assertThat(mismatches).isEmpty();
        // A submitted dossier is the commune's to check: its officer forwards or returns it and is not offered to
        // withdraw it; the producer still may, until the commune forwards it.
        long submitted = submitted();
        assertThat(dossiers.actionsFor(submitted, commune))
                .contains(DossierAction.FORWARD, DossierAction.RETURN)
                .doesNotContain(DossierAction.WITHDRAW);
        assertThat(dossiers.actionsFor(submitted, producer)).contains(DossierAction.WITHDRAW);
        // The comparison means something only if each action is accepted somewhere.
        assertThat(everAccepted).containsExactlyInAnyOrder(DossierAction.values());
    }

    /** The actions the dossier page offers this person (nothing when the page is refused). */
    private Set<DossierAction> rendered(long dossier, CurrentUser person) throws Exception {
        MockHttpServletResponse response = mvc.perform(
                        get("/evaluation/dossiers/" + dossier).with(as(person)))
                .andReturn()
                .getResponse();
        Set<DossierAction> actions = EnumSet.noneOf(DossierAction.class);
        if (response.getStatus() != 200) {
            return actions;
        }
        Matcher m = DATA_ACTION.matcher(response.getContentAsString(StandardCharsets.UTF_8));
        while (m.find()) {
            actions.add(DossierAction.valueOf(m.group(1)));
        }
        return actions;
    }

    private Set<DossierAction> serviceActions(long dossier, CurrentUser person) {
        try {
            return dossiers.actionsFor(dossier, person);
        } catch (vn.ocop.shared.OcopException refused) {
            return EnumSet.noneOf(DossierAction.class);
        }
    }

    /** Posts the action as the page would, with valid input: whether the server took it. */
    private boolean accepts(long dossier, DossierAction action, CurrentUser person) throws Exception {
        String base = "/evaluation/dossiers/" + dossier;
        MockHttpServletRequestBuilder request = switch (action) {
            case EDIT -> {
                DossierView view = dossiers.get(dossier, admin);
                MockHttpServletRequestBuilder r =
                        post(base + "/self-assessment").param("version", String.valueOf(view.version()));
                view.selfAssessment().forEach((code, index) -> r.param("c_" + code, String.valueOf(index)));
                yield r;
            }
            case SUBMIT -> post(base + "/submit");
            case WITHDRAW -> post(base + "/withdraw");
            case FORWARD ->
                post(base + "/forward")
                        .param("localRawMaterial", "on")
                        .param("localLabour", "on")
                        .param("localIdea", "on")
                        .param("localIdentity", "on")
                        .param("remarks", "Đạt");
            case RETURN -> post(base + "/return").param("reason", "Bổ sung giấy chứng nhận ATTP");
            case KNOCK_OUT ->
                post(base + "/knockout").param("ground", ground(dossier)).param("reason", "Không đạt");
            case START_EVALUATION -> post(base + "/start-evaluation");
            case DECLARE_CONFLICT -> post(base + "/conflict").param("note", "Không xung đột");
            case SCORE -> {
                MockHttpServletRequestBuilder r = post(base + "/scoresheet").param("action", "save");
                fixtures.bestChoices(dossiers.get(dossier, admin))
                        .forEach((code, index) -> r.param("c_" + code, String.valueOf(index)));
                yield r;
            }
            case CLOSE -> post(base + "/close");
            case PAPER_RESULT ->
                post(base + "/paper-result").param("totals", "75; 76").param("star", "4");
            case PROPOSE -> post(base + "/propose").param("roundId", String.valueOf(ministryRound.id()));
        };
        MvcResult result = mvc.perform(request.with(as(person)).with(csrf())).andReturn();
        int status = result.getResponse().getStatus();
        if (status == 403 || status == 404 || status == 409 || status == 400 || status == 200) {
            return false; // refused, or the form back with a message
        }
        assertThat(status).as("%s on %d as %s", action, dossier, person.role()).isBetween(300, 399);
        return result.getFlashMap().containsKey("done");
    }

    private long filed() {
        long product = products.register(
                        RegistryFixtures.aProduct(producerId, "Sản phẩm hành động " + SEQ.incrementAndGet(), 12), admin)
                .id();
        return dossiers.create(round.id(), product, "FIRST", Map.of(), producer).id();
    }

    private long draft() {
        long id = filed();
        fixtures.complete(id, producer);
        return id;
    }

    private long submitted() {
        long id = filed();
        fixtures.completeAndSubmit(id, producer);
        return id;
    }

    private long forwarded() {
        long id = submitted();
        dossiers.forward(id, new CommuneReview(true, true, true, true, null), commune);
        return id;
    }

    private long underEvaluation() {
        long id = forwarded();
        dossiers.startEvaluation(id, province);
        return id;
    }

    private long allSheetsIn() {
        long id = underEvaluation();
        Map<String, Integer> best = fixtures.bestChoices(dossiers.get(id, admin));
        for (CurrentUser seat : List.of(chair, member)) {
            scoring.save(id, best, seat);
            scoring.submit(id, seat);
        }
        return id;
    }

    private String ground(long dossier) {
        return dossiers.grounds(dossier, admin).get(0).code();
    }

    private CurrentUser councilMember(String tag) {
        String username = "actions.council." + SEQ.incrementAndGet() + "." + tag.toLowerCase();
        UserSummary created = users.create(
                new CreateUser(
                        username,
                        "Thành viên " + username,
                        null,
                        Role.COUNCIL_MEMBER,
                        RegistryFixtures.DONG_THAP,
                        "Hoi-dong-2026!"),
                admin);
        return new CurrentUser(
                created.id(), username, created.displayName(), Role.COUNCIL_MEMBER, RegistryFixtures.DONG_THAP, null);
    }
}
