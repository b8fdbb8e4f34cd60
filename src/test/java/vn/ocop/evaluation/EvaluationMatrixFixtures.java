package vn.ocop.evaluation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.product.ProductRegistry;
import vn.ocop.security.Caller;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;
import vn.ocop.security.Samples;

/**
 * Matrix fixtures of the evaluation module. {@code round}: a provincial round of Đồng Tháp where the {@link
 * Caller#COUNCIL_MEMBER} caller sits as chair, and one of Hà Nội with another council; {@code ministry-round}: an open
 * 5★ round (the same for both sides); {@code council-seat}: the chair of each (marker: the display name, which only
 * those who may see the council may see); {@code council-candidate}: a council-member account of each province, not yet
 * seated. Dossiers of own and other products, one kind per step of the procedure: {@code dossier} (draft), {@code
 * dossier-submitted}, {@code dossier-forwarded}, {@code dossier-scoring} (under evaluation), {@code dossier-rated} (a
 * 5★ candidate, 95 points); {@code document}: a document in each producer's evidence locker.
 */
class EvaluationMatrixFixtures implements MatrixFixtures {

    private final EvaluationRounds rounds;
    private final Dossiers dossiers;
    private final CouncilScoring scoring;
    private final EvidenceLocker evidence;
    private final ProductRegistry products;
    private final DossierFixtures forms;

    EvaluationMatrixFixtures(
            EvaluationRounds rounds,
            Dossiers dossiers,
            CouncilScoring scoring,
            EvidenceLocker evidence,
            ProductRegistry products,
            DossierFixtures forms) {
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.evidence = evidence;
        this.products = products;
        this.forms = forms;
    }

    @Override
    public Set<String> provides() {
        return Set.of(
                "round",
                "ministry-round",
                "council-candidate",
                "council-seat",
                "seated-member",
                "page-seated-member",
                "dossier",
                "dossier-submitted",
                "dossier-forwarded",
                "dossier-scoring",
                "dossier-rated",
                "document");
    }

    @Override
    public Set<String> requires() {
        return Set.of("producer");
    }

    @Override
    public void create(MatrixWorld world) {
        CurrentUser system = world.system();
        EvaluationRound own = open(world, "PROVINCE", MatrixWorld.HOME_PROVINCE);
        EvaluationRound other = open(world, "PROVINCE", MatrixWorld.OTHER_PROVINCE);
        EvaluationRound ministry = open(world, "CENTRAL", null);
        CurrentUser chair = world.caller(Caller.COUNCIL_MEMBER);
        rounds.seat(own.id(), chair.id(), "CHAIR", system);
        CurrentUser otherChair = world.account(Role.COUNCIL_MEMBER, MatrixWorld.OTHER_PROVINCE, null, "council-other");
        rounds.seat(other.id(), otherChair.id(), "CHAIR", system);
        world.put("round", round(own), round(other));
        seatedPerCaller(world, "seated-member", own, other);
        seatedPerCaller(world, "page-seated-member", own, other);
        world.put(
                "council-seat",
                Instance.of(chair.id(), chair.displayName()),
                Instance.of(otherChair.id(), otherChair.displayName()));
        world.put("ministry-round", round(ministry), round(ministry));
        world.put(
                "council-candidate",
                Instance.of(world.account(Role.COUNCIL_MEMBER, MatrixWorld.HOME_PROVINCE, null, "seat")
                        .id()),
                Instance.of(world.account(Role.COUNCIL_MEMBER, MatrixWorld.OTHER_PROVINCE, null, "seat-other")
                        .id()));

        long ownProducer = world.own("producer").id();
        long otherProducer = world.other("producer").id();
        DossierPipeline pipeline = new DossierPipeline(dossiers, scoring, products, forms);
        Map<String, DossierPipeline.Step> kinds = Map.of(
                "dossier", DossierPipeline.Step.DRAFT,
                "dossier-submitted", DossierPipeline.Step.SUBMITTED,
                "dossier-forwarded", DossierPipeline.Step.FORWARDED,
                "dossier-scoring", DossierPipeline.Step.UNDER_EVALUATION,
                "dossier-rated", DossierPipeline.Step.RATED);
        CurrentUser ownCommune = world.caller(Caller.COMMUNE_OFFICER);
        CurrentUser otherCommune =
                world.account(Role.COMMUNE_OFFICER, MatrixWorld.OTHER_COMMUNE, null, "commune-other");
        world.communeOfficers(ownCommune, otherCommune);
        kinds.forEach((kind, step) -> world.put(
                kind,
                dossier(pipeline.dossier(
                        own.id(), ownProducer, world.name("Sản phẩm hồ sơ"), step, system, ownCommune)),
                dossier(pipeline.dossier(
                        other.id(), otherProducer, world.name("Sản phẩm hồ sơ"), step, system, otherCommune))));
        world.put("document", document(world, ownProducer), document(world, otherProducer));
    }

    private EvaluationRound open(MatrixWorld world, String level, String province) {
        return rounds.open(
                new EvaluationRounds.OpenRound(
                        world.name("Đợt ma trận"),
                        level,
                        province,
                        2026,
                        LocalDate.of(2099, 4, 30),
                        LocalDate.of(2099, 6, 30)),
                world.system());
    }

    private Instance round(EvaluationRound round) {
        return Instance.of(round.id(), round.name())
                .with("name", round::name)
                .with("version", () -> rounds.find(round.id()).orElseThrow().version());
    }

    /**
     * Council members to remove, one per caller that may remove one (each removal uses its member up), the rest
     * sharing one.
     */
    private void seatedPerCaller(MatrixWorld world, String kind, EvaluationRound own, EvaluationRound other) {
        Map<Caller, Instance> owns = new java.util.EnumMap<>(Caller.class);
        Map<Caller, Instance> others = new java.util.EnumMap<>(Caller.class);
        for (Caller caller : List.of(Caller.SYSTEM_ADMIN, Caller.CENTRAL_OFFICE, Caller.PROVINCE_OFFICER)) {
            owns.put(caller, seated(world, own, MatrixWorld.HOME_PROVINCE));
        }
        for (Caller caller : List.of(Caller.SYSTEM_ADMIN, Caller.CENTRAL_OFFICE)) {
            others.put(caller, seated(world, other, MatrixWorld.OTHER_PROVINCE));
        }
        Instance ownShared = seated(world, own, MatrixWorld.HOME_PROVINCE);
        Instance otherShared = seated(world, other, MatrixWorld.OTHER_PROVINCE);
        world.put(
                kind,
                caller -> owns.getOrDefault(caller, ownShared),
                caller -> others.getOrDefault(caller, otherShared));
    }

    private Instance seated(MatrixWorld world, EvaluationRound round, String province) {
        CurrentUser member = world.account(Role.COUNCIL_MEMBER, province, null, "seated");
        rounds.seat(round.id(), member.id(), "MEMBER", world.system());
        return Instance.of(member.id(), member.displayName());
    }

    private Instance dossier(DossierView dossier) {
        return Instance.of(dossier.id())
                .with("product", dossier::productId)
                .with("round", dossier::roundId)
                .with("version", () -> dossiers.load(dossier.id()).version);
    }

    private Instance document(MatrixWorld world, long producer) {
        return Instance.of(
                evidence.upload(producer, "LAB_TEST", "phieu-kiem-nghiem.pdf", Samples.pdf(), null, world.system())
                        .id());
    }
}
