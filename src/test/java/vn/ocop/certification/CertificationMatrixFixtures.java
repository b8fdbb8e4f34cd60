package vn.ocop.certification;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.ocop.evaluation.CouncilScoring;
import vn.ocop.evaluation.DossierFixtures;
import vn.ocop.evaluation.DossierPipeline;
import vn.ocop.evaluation.Dossiers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.ProductRegistry;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;
import vn.ocop.security.Side;
import vn.ocop.shared.OcopClock;

/**
 * Matrix fixtures of the certification module, from dossiers rated 4★ in each side's provincial round: {@code
 * certificate} (the number of a certificate issued by the province), and {@code candidate} and {@code page-candidate}
 * (the dossier ids of candidates still awaiting a decision, one for the API's decision and one for the page's: the
 * first allowed decision uses its candidate up).
 */
class CertificationMatrixFixtures implements MatrixFixtures {

    private final Certification certification;
    private final DossierPipeline pipeline;

    CertificationMatrixFixtures(
            Certification certification,
            Dossiers dossiers,
            CouncilScoring scoring,
            ProductRegistry products,
            DossierFixtures forms) {
        this.certification = certification;
        this.pipeline = new DossierPipeline(dossiers, scoring, products, forms);
    }

    @Override
    public Set<String> provides() {
        return Set.of("certificate", "candidate", "page-candidate");
    }

    @Override
    public Set<String> requires() {
        return Set.of("round", "producer", "dossier");
    }

    @Override
    public void create(MatrixWorld world) throws InterruptedException {
        world.put("certificate", certificate(world, "own"), certificate(world, "other"));
        world.put("candidate", candidate(world, "own"), candidate(world, "other"));
        world.put("page-candidate", candidate(world, "own"), candidate(world, "other"));
    }

    private Instance certificate(MatrixWorld world, String side) throws InterruptedException {
        long dossier = pending(world, side);
        Certificate issued = certification
                .issue(
                        new Certification.IssueDecision(
                                world.name("QĐ-UBND"), LocalDate.now(OcopClock.VIETNAM), "UBND tỉnh", List.of(dossier)),
                        // Decided by the province's officers, who alone issue its 3–4★ certificates (Art. 4.1.a).
                        vn.ocop.TestUsers.provinceOfficer(
                                side.equals("own") ? MatrixWorld.HOME_PROVINCE : MatrixWorld.OTHER_PROVINCE))
                .get(0);
        return Instance.of(issued.number(), issued.productName());
    }

    private Instance candidate(MatrixWorld world, String side) throws InterruptedException {
        return Instance.of(pending(world, side));
    }

    /** A rated dossier whose certification candidate (registered after commit, asynchronously) is pending. */
    private long pending(MatrixWorld world, String side) throws InterruptedException {
        CurrentUser system = world.system();
        long round = side.equals("own")
                ? world.own("round").id()
                : world.other("round").id();
        long producer = side.equals("own")
                ? world.own("producer").id()
                : world.other("producer").id();
        long dossier = pipeline.dossier(
                        round,
                        producer,
                        world.name("Sản phẩm chứng nhận"),
                        DossierPipeline.Step.RATED,
                        system,
                        side.equals("own") ? world.communeOfficer(Side.OWN) : world.communeOfficer(Side.OTHER))
                .id();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (certification.candidates(new Certification.CandidateQuery(null, round), 0, 500, system).items().stream()
                .noneMatch(c -> c.dossierId() == dossier)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("no certification candidate for dossier " + dossier);
            }
            Thread.sleep(20);
        }
        return dossier;
    }
}
