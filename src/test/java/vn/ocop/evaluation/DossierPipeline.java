package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import vn.ocop.RegistryFixtures;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.ProductRegistry;

/**
 * Takes a new product's dossier through the procedure as far as asked, through the services (for fixtures of tests
 * that need a dossier at some step).
 */
public record DossierPipeline(
        Dossiers dossiers, CouncilScoring scoring, ProductRegistry products, DossierFixtures fixtures) {

    /** How far a dossier goes. */
    public enum Step {
        DRAFT,
        SUBMITTED,
        FORWARDED,
        UNDER_EVALUATION,
        /** Rated 4★ on a paper result of 95 points: a certification candidate and, in a province round, 5★ candidate. */
        RATED
    }

    /**
     * A product of the producer (criteria set 9), its dossier in the round, taken to the step; returns the dossier.
     * {@code actor} (nationwide) files, sends, hands to the council and records the result; {@code communeOfficer}
     * (of the producer's commune) forwards.
     */
    public DossierView dossier(
            long roundId,
            long producerId,
            String productName,
            Step step,
            CurrentUser actor,
            CurrentUser communeOfficer) {
        long product = products.register(RegistryFixtures.aProduct(producerId, productName, 9), actor)
                .id();
        long id = dossiers.create(roundId, product, "FIRST", Map.of(), actor).id();
        if (step.compareTo(Step.SUBMITTED) >= 0) {
            fixtures.completeAndSubmit(id, actor);
        }
        if (step.compareTo(Step.FORWARDED) >= 0) {
            dossiers.forward(id, new CommuneReview(true, true, true, true, null), communeOfficer);
        }
        if (step.compareTo(Step.UNDER_EVALUATION) >= 0) {
            dossiers.startEvaluation(id, actor);
        }
        if (step.compareTo(Step.RATED) >= 0) {
            scoring.recordPaperResult(id, List.of(new BigDecimal("95")), 4, actor);
        }
        return dossiers.get(id, actor);
    }
}
