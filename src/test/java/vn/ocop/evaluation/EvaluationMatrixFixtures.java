package vn.ocop.evaluation;

import java.time.LocalDate;
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

    EvaluationMatrixFixtures(
            EvaluationRounds rounds,
            Dossiers dossiers,
            CouncilScoring scoring,
            EvidenceLocker evidence,
            ProductRegistry products) {
        this.rounds = rounds;
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.evidence = evidence;
        this.products = products;
    }

    @Override
    public Set<String> provides() {
        return Set.of(
                "round",
                "ministry-round",
                "council-candidate",
                "council-seat",
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
        DossierPipeline pipeline = new DossierPipeline(dossiers, scoring, products);
        Map<String, DossierPipeline.Step> kinds = Map.of(
                "dossier", DossierPipeline.Step.DRAFT,
                "dossier-submitted", DossierPipeline.Step.SUBMITTED,
                "dossier-forwarded", DossierPipeline.Step.FORWARDED,
                "dossier-scoring", DossierPipeline.Step.UNDER_EVALUATION,
                "dossier-rated", DossierPipeline.Step.RATED);
        kinds.forEach((kind, step) -> world.put(
                kind,
                dossier(pipeline.dossier(own.id(), ownProducer, world.name("Sản phẩm hồ sơ"), step, system)),
                dossier(pipeline.dossier(other.id(), otherProducer, world.name("Sản phẩm hồ sơ"), step, system))));
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

    private static Instance round(EvaluationRound round) {
        return Instance.of(round.id(), round.name());
    }

    private static Instance dossier(DossierView dossier) {
        return Instance.of(dossier.id()).with("product", dossier::productId).with("round", dossier::roundId);
    }

    private Instance document(MatrixWorld world, long producer) {
        return Instance.of(
                evidence.upload(producer, "LAB_TEST", "phieu-kiem-nghiem.pdf", Samples.pdf(), null, world.system())
                        .id());
    }
}
