package vn.ocop.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.evaluation.EvaluationEvents.DossierTransitioned;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopException;

/**
 * The dossier procedure and who may act at each step (Decision 26/2026/QĐ-TTg Art. 5–6):
 *
 * <ul>
 *   <li>create, submit, withdraw: the producer's account, or an officer whose jurisdiction covers the product;
 *   <li>forward or return (commune check): an officer covering the dossier's commune, not a council member;
 *   <li>start evaluation, knock out: an officer of the round's province (or the central office for 5★ rounds).
 * </ul>
 *
 * Every step is recorded in {@code dossier_transition} and the audit trail.
 */
@Service
@Transactional
public class Dossiers {

    private final DossierStore store;
    private final EvaluationRounds rounds;
    private final ProductRegistry products;
    private final CriteriaSets criteria;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Dossiers(
            DossierStore store,
            EvaluationRounds rounds,
            ProductRegistry products,
            CriteriaSets criteria,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.products = products;
        this.criteria = criteria;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a dossier for a product in an open round, with the producer's self-assessment (Mẫu 02 choices).
     *
     * @param kind {@code FIRST}, {@code UPGRADE} or {@code REEVALUATION}
     */
    public DossierView create(
            long roundId, long productId, String kind, Map<String, Integer> selfAssessment, CurrentUser actor) {
        EvaluationRound round = rounds.get(roundId);
        if (!"OPEN".equals(round.status()) || LocalDate.now(clock).isAfter(round.submissionDeadline())) {
            throw new OcopException(EvaluationError.ROUND_CLOSED, roundId);
        }
        ProductView product = products.lookup(productId)
                .orElseThrow(() -> new OcopException(vn.ocop.product.ProductError.PRODUCT_NOT_FOUND, productId));
        checkApplicant(actor, product.producerId(), product.communeCode());
        if (round.provinceLevel() && !round.provinceCode().equals(product.provinceCode())) {
            throw OcopException.forbidden();
        }
        criteria.assess(round.criteriaVersion(), product.criteriaSetNo(), selfAssessment); // validates the choices
        if (!kind.matches("FIRST|UPGRADE|REEVALUATION")) {
            throw new OcopException(vn.ocop.shared.CommonError.INVALID_PARAMETER, "kind");
        }
        // Re-evaluation and upgrade start from the previous dossier: its documents, and its self-assessment when none
        // is given and the criteria set is the same (Decision 26/2026/QĐ-TTg Art. 5.1).
        Dossier previous = "FIRST".equals(kind) ? null : store.latest(productId).orElse(null);
        Map<String, Integer> startingAssessment = selfAssessment.isEmpty()
                        && previous != null
                        && previous.criteriaVersion.equals(round.criteriaVersion())
                        && previous.setNo == product.criteriaSetNo()
                ? previous.selfAssessment
                : selfAssessment;
        long id;
        try {
            id = store.insert(
                    roundId,
                    productId,
                    product.producerId(),
                    product.communeCode(),
                    product.provinceCode(),
                    round.criteriaVersion(),
                    product.criteriaSetNo(),
                    kind,
                    startingAssessment);
        } catch (DuplicateKeyException e) {
            throw new OcopException(EvaluationError.DUPLICATE_DOSSIER);
        }
        if (previous != null) {
            store.copyAttachments(previous.id, id);
        }
        transitioned(id, null, DossierStatus.DRAFT, product.communeCode(), actor, kind, productId, kind);
        return get(id, actor);
    }

    /**
     * Forwards a province council's 5★ candidate (rated, at least 90 points) to an open round of the ministry
     * (Decision 26/2026/QĐ-TTg Art. 6.3): a new dossier of kind {@code PROPOSAL}, already checked by the commune, with
     * the documents of the province dossier. The province's organiser proposes; the ministry starts its evaluation.
     */
    public DossierView proposeToMinistry(long id, long ministryRoundId, CurrentUser actor) {
        Dossier source = load(id);
        rounds.checkOrganiser(rounds.get(source.roundId), actor);
        if (source.status != DossierStatus.RATED || !source.fiveStarCandidate) {
            throw new OcopException(EvaluationError.NOT_A_FIVE_STAR_CANDIDATE, id);
        }
        EvaluationRound round = rounds.get(ministryRoundId);
        if (round.provinceLevel()) {
            throw new OcopException(EvaluationError.NOT_A_MINISTRY_ROUND, ministryRoundId);
        }
        if (!"OPEN".equals(round.status()) || LocalDate.now(clock).isAfter(round.submissionDeadline())) {
            throw new OcopException(EvaluationError.ROUND_CLOSED, ministryRoundId);
        }
        long proposal;
        try {
            proposal = store.insert(
                    round.id(),
                    source.productId,
                    source.producerId,
                    source.communeCode,
                    source.provinceCode,
                    round.criteriaVersion(),
                    source.setNo,
                    "PROPOSAL",
                    source.selfAssessment);
            store.markProposal(proposal, source.id);
        } catch (DuplicateKeyException e) {
            throw new OcopException(EvaluationError.DUPLICATE_DOSSIER);
        }
        store.copyAttachments(source.id, proposal);
        Dossier d = load(proposal);
        d.forwardAsProposal(source.communeReview);
        store.save(d);
        transitioned(
                proposal,
                null,
                DossierStatus.FORWARDED,
                d.communeCode,
                actor,
                "5★ proposal of dossier " + id,
                d.productId,
                d.kind);
        return DossierView.of(load(proposal));
    }

    public DossierView submit(long id, CurrentUser actor) {
        Dossier d = load(id);
        checkApplicant(actor, d.producerId, d.communeCode);
        DossierStatus from = d.status;
        d.submit(Instant.now(clock), LocalDate.now(clock));
        return save(d, from, actor, "deadline " + d.communeDeadline);
    }

    public DossierView withdraw(long id, CurrentUser actor) {
        Dossier d = load(id);
        checkApplicant(actor, d.producerId, d.communeCode);
        DossierStatus from = d.status;
        d.withdraw();
        return save(d, from, actor, null);
    }

    /** The commune forwards the dossier with its assessment of the four contents. */
    public DossierView forward(long id, CommuneReview review, CurrentUser actor) {
        Dossier d = load(id);
        checkCommuneOfficer(actor, d);
        DossierStatus from = d.status;
        d.forward(review);
        return save(d, from, actor, review.remarks());
    }

    /** The commune returns the dossier to the producer with the reasons. */
    public DossierView returnToProducer(long id, String reason, CurrentUser actor) {
        Dossier d = load(id);
        checkCommuneOfficer(actor, d);
        DossierStatus from = d.status;
        d.returnToProducer(reason);
        return save(d, from, actor, reason);
    }

    /** Ends the evaluation without a star: forged dossier, non-compliant food-safety certificate, incomplete. */
    public DossierView knockOut(long id, String reason, CurrentUser actor) {
        Dossier d = load(id);
        if (d.status == DossierStatus.SUBMITTED) {
            checkCommuneOfficer(actor, d); // incomplete at the commune check
        } else {
            rounds.checkOrganiser(rounds.get(d.roundId), actor);
        }
        DossierStatus from = d.status;
        d.knockOut(reason);
        return save(d, from, actor, reason);
    }

    /** The round's organiser hands the dossier to the council. */
    public DossierView startEvaluation(long id, CurrentUser actor) {
        Dossier d = load(id);
        rounds.checkOrganiser(rounds.get(d.roundId), actor);
        DossierStatus from = d.status;
        d.startEvaluation();
        return save(d, from, actor, null);
    }

    /** A dossier for its producer, officers covering it, and the round's council members. */
    @Transactional(readOnly = true)
    public DossierView get(long id, CurrentUser actor) {
        Dossier d = load(id);
        boolean allowed = policy.permitsOwnProducer(actor, d.producerId)
                || policy.permits(actor, Action.VIEW_RECORDS, d.communeCode)
                || rounds.isMember(d.roundId, actor.id());
        if (!allowed) {
            throw OcopException.forbidden();
        }
        return DossierView.of(d);
    }

    /** A dossier of a round with its product's name, for lists and rankings. */
    public record DossierLine(DossierView dossier, String productName, String producerName) {}

    /**
     * The dossiers of a round the actor may see (officers: their jurisdiction; council members: all of the round),
     * rated ones first by total descending, then the others by id.
     */
    @Transactional(readOnly = true)
    public java.util.List<DossierLine> inRound(long roundId, CurrentUser actor) {
        rounds.get(roundId);
        boolean member = rounds.isMember(roundId, actor.id());
        return store.findByRound(roundId).stream()
                .filter(d -> member
                        || policy.permits(actor, Action.VIEW_RECORDS, d.communeCode)
                        || policy.permitsOwnProducer(actor, d.producerId))
                .sorted(java.util.Comparator.comparing(
                                (Dossier d) -> d.resultTotal == null ? java.math.BigDecimal.valueOf(-1) : d.resultTotal)
                        .reversed()
                        .thenComparingLong(d -> d.id))
                .map(d -> {
                    ProductView product = products.lookup(d.productId).orElse(null);
                    return new DossierLine(
                            DossierView.of(d),
                            product == null ? "#" + d.productId : product.name(),
                            product == null ? "" : product.producerName());
                })
                .toList();
    }

    Dossier load(long id) {
        return store.find(id).orElseThrow(() -> new OcopException(EvaluationError.DOSSIER_NOT_FOUND, id));
    }

    DossierView save(Dossier d, DossierStatus from, CurrentUser actor, @Nullable String note) {
        store.save(d);
        transitioned(d.id, from, d.status, d.communeCode, actor, note, d.productId, d.kind);
        return DossierView.of(d);
    }

    private void transitioned(
            long id,
            @Nullable DossierStatus from,
            DossierStatus to,
            String commune,
            CurrentUser actor,
            @Nullable String note,
            long productId,
            String kind) {
        store.recordTransition(id, from, to, actor.username(), note);
        events.publishEvent(new DossierTransitioned(id, from, to, commune, note, productId, kind));
    }

    private void checkApplicant(CurrentUser actor, long producerId, String communeCode) {
        if (!policy.permitsOwnProducer(actor, producerId) && !policy.permits(actor, Action.EDIT_RECORDS, communeCode)) {
            throw OcopException.forbidden();
        }
    }

    private void checkCommuneOfficer(CurrentUser actor, Dossier d) {
        policy.check(actor, Action.EDIT_RECORDS, d.communeCode);
        if (actor.role() == Role.PRODUCER || actor.role() == Role.COUNCIL_MEMBER) {
            throw OcopException.forbidden();
        }
    }
}
