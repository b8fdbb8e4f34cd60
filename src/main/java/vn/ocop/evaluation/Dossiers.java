package vn.ocop.evaluation;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.evaluation.EvaluationEvents.DossierTransitioned;
import vn.ocop.evaluation.criteria.ExclusionGround;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.product.ProductError;
import vn.ocop.product.ProductQuery;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductSummary;
import vn.ocop.product.ProductView;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;

/**
 * The dossier procedure and who may act at each step (Decision 26/2026/QĐ-TTg Art. 5–7). One method,
 * {@link #check}, decides whether a viewer may take an action on a dossier now — role and jurisdiction, council seat
 * and conflicts, the dossier's status and the data the step needs — and every step calls it, so that
 * {@link #actionsFor} (what a page offers) is exactly what the steps accept:
 *
 * <ul>
 *   <li>edit, submit, withdraw: the producer's account, or an officer whose jurisdiction covers the product; sending
 *       needs every required form and document of the checklist (Art. 6.1);
 *   <li>forward or return (the commune's check, Art. 7.2): a commune officer of the dossier's commune;
 *   <li>knock out: the commune officer at its check, the round's organiser afterwards;
 *   <li>start the evaluation, propose a 5★ candidate: the round's organiser (province officers of the province; the
 *       central office for the ministry's rounds);
 *   <li>declare a conflict, score: a seated council member (a conflicted member does not score); close: the chair
 *       without a conflict, or the organiser; a paper result: the organiser or the chair, never a conflicted seat.
 * </ul>
 *
 * Every step is recorded in {@code dossier_transition} and the audit trail.
 */
@Service
@Transactional
public class Dossiers {

    private final DossierStore store;
    private final EvaluationRounds rounds;
    private final CouncilSheets sheets;
    private final Checklist checklist;
    private final ProductRegistry products;
    private final CriteriaSets criteria;
    private final AdminUnits units;
    private final AccessPolicy policy;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Dossiers(
            DossierStore store,
            EvaluationRounds rounds,
            CouncilSheets sheets,
            Checklist checklist,
            ProductRegistry products,
            CriteriaSets criteria,
            AdminUnits units,
            AccessPolicy policy,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.rounds = rounds;
        this.sheets = sheets;
        this.checklist = checklist;
        this.products = products;
        this.criteria = criteria;
        this.units = units;
        this.policy = policy;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Opens a dossier for a product in an open round, with the producer's self-assessment (Mẫu 02 choices). Without
     * choices it starts from the product's previous dossier (same criteria set and version), else from the
     * self-assessment the producer last saved on the public page for that set.
     *
     * @param kind {@code FIRST}, {@code UPGRADE} or {@code REEVALUATION}
     */
    public DossierView create(
            long roundId, long productId, String kind, Map<String, Integer> selfAssessment, CurrentUser actor) {
        if (!kind.matches("FIRST|UPGRADE|REEVALUATION")) {
            throw new OcopException(CommonError.INVALID_PARAMETER, "kind");
        }
        EvaluationRound round = rounds.view(roundId, actor);
        if (!round.provinceLevel() || !round.takesDossiersOn(today())) {
            throw new OcopException(EvaluationError.ROUND_CLOSED, roundId);
        }
        ProductView product = products.lookup(productId)
                .orElseThrow(() -> new OcopException(ProductError.PRODUCT_NOT_FOUND, productId));
        if (!applicant(actor, product.producerId(), product.communeCode())) {
            throw OcopException.forbidden();
        }
        if (!round.provinceCode().equals(product.provinceCode())) {
            throw new OcopException(EvaluationError.PRODUCT_OUTSIDE_ROUND, product.name(), round.name());
        }
        criteria.assess(round.criteriaVersion(), product.criteriaSetNo(), selfAssessment); // validates the choices
        String filing = kind;
        if ("REEVALUATION".equals(kind)) {
            ProductView.LastCertificate last = product.lastCertificate();
            if (ReevaluationWindow.check(last == null ? null : last.expiresOn(), today())
                    == ReevaluationWindow.Filing.LATE) {
                filing = "REEVALUATION, filed late (Art. 12.3)";
            }
        } else if ("UPGRADE".equals(kind) && product.rating() == null) {
            throw new OcopException(EvaluationError.UPGRADE_NEEDS_CERTIFICATE);
        }
        // Re-evaluation and upgrade start from the previous dossier: its documents, and its self-assessment when none
        // is given and the criteria set is the same (Decision 26/2026/QĐ-TTg Art. 6.1.b–c).
        Dossier previous = "FIRST".equals(kind) ? null : store.latest(productId).orElse(null);
        Map<String, Integer> startingAssessment = selfAssessment;
        if (startingAssessment.isEmpty()
                && previous != null
                && previous.criteriaVersion.equals(round.criteriaVersion())
                && previous.setNo == product.criteriaSetNo()) {
            startingAssessment = previous.selfAssessment;
        }
        if (startingAssessment.isEmpty()) {
            startingAssessment = store.savedSelfAssessment(
                            product.producerId(), productId, round.criteriaVersion(), product.criteriaSetNo())
                    .orElse(Map.of());
        }
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
            Dossier created = load(id);
            created.forms = previous.forms;
            created.evidence = new LinkedHashMap<>(previous.evidence);
            store.save(created);
        }
        transitioned(id, null, DossierStatus.DRAFT, product.communeCode(), actor, filing, productId, kind);
        return DossierView.of(load(id));
    }

    /**
     * Forwards a province council's 5★ candidate to an open round of the ministry (Art. 7.3.e): a new dossier of
     * kind {@code PROPOSAL}, already checked by the commune, with the documents of the province dossier. The
     * province's organiser proposes; the ministry starts its evaluation.
     */
    public DossierView proposeToMinistry(long id, long ministryRoundId, CurrentUser actor) {
        Dossier source = load(id);
        check(DossierAction.PROPOSE, source, actor);
        EvaluationRound round = rounds.get(ministryRoundId);
        if (round.provinceLevel()) {
            throw new OcopException(EvaluationError.NOT_A_MINISTRY_ROUND, ministryRoundId);
        }
        if (!round.takesDossiersOn(today())) {
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
        d.forms = source.forms;
        d.evidence = new LinkedHashMap<>(source.evidence);
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
                "PROPOSAL");
        return DossierView.of(load(proposal));
    }

    /** Replaces the self-assessment and the evidence cited per criterion (draft or returned dossiers). */
    public DossierView assess(
            long id,
            Map<String, Integer> choices,
            Map<String, List<Long>> evidenceDocuments,
            Map<String, String> evidenceNotes,
            long expectedVersion,
            CurrentUser actor) {
        Dossier d = loadVersion(id, expectedVersion);
        check(DossierAction.EDIT, d, actor);
        var set = criteria.set(d.criteriaVersion, d.setNo);
        criteria.assess(d.criteriaVersion, d.setNo, choices); // validates the choices
        Set<Long> attached = new java.util.HashSet<>();
        store.attachments(id).forEach(doc -> attached.add(doc.id()));
        Map<String, CriterionEvidence> cited = new LinkedHashMap<>();
        for (var criterion : set.criteria().toList()) {
            List<Long> documents = evidenceDocuments.getOrDefault(criterion.code(), List.of()).stream()
                    .distinct()
                    .toList();
            for (Long document : documents) {
                if (!attached.contains(document)) {
                    throw new OcopException(EvaluationError.DOCUMENT_NOT_FOUND, document);
                }
            }
            String note = evidenceNotes.get(criterion.code());
            note = note == null || note.isBlank() ? null : note.strip();
            if (note != null && note.length() > 1000) {
                throw new OcopException(CommonError.INVALID_PARAMETER, "note " + criterion.code());
            }
            if (!documents.isEmpty() || note != null) {
                cited.put(criterion.code(), new CriterionEvidence(documents, note));
            }
        }
        d.assess(choices, cited);
        return edited(d, "self-assessment: " + choices.size() + " criteria, evidence for " + cited.size());
    }

    /** Replaces the dossier's forms (Mẫu 01 and Mẫu 02 fields), draft or returned dossiers. */
    public DossierView fillIn(long id, DossierForms forms, long expectedVersion, CurrentUser actor) {
        Dossier d = loadVersion(id, expectedVersion);
        check(DossierAction.EDIT, d, actor);
        d.fillIn(forms);
        return edited(d, "forms");
    }

    /** Drops a removed document from the criteria that cited it. */
    void forgetEvidence(Dossier d, long documentId, CurrentUser actor) {
        Map<String, CriterionEvidence> kept = new LinkedHashMap<>();
        boolean changed = false;
        for (var e : d.evidence.entrySet()) {
            List<Long> documents = e.getValue().documentIds().stream()
                    .filter(doc -> doc != documentId)
                    .toList();
            changed |= documents.size() != e.getValue().documentIds().size();
            if (!documents.isEmpty() || e.getValue().note() != null) {
                kept.put(
                        e.getKey(),
                        new CriterionEvidence(documents, e.getValue().note()));
            }
        }
        if (changed) {
            d.evidence = kept;
            store.save(d);
        }
    }

    public DossierView submit(long id, CurrentUser actor) {
        Dossier d = load(id);
        check(DossierAction.SUBMIT, d, actor);
        DossierStatus from = d.status;
        d.submit(Instant.now(clock), today());
        return save(d, from, actor, "deadline " + d.communeDeadline);
    }

    public DossierView withdraw(long id, CurrentUser actor) {
        Dossier d = load(id);
        check(DossierAction.WITHDRAW, d, actor);
        DossierStatus from = d.status;
        d.withdraw();
        return save(d, from, actor, null);
    }

    /** The commune forwards the dossier with its assessment of the four contents. */
    public DossierView forward(long id, CommuneReview review, CurrentUser actor) {
        Dossier d = load(id);
        check(DossierAction.FORWARD, d, actor);
        DossierStatus from = d.status;
        d.forward(review);
        return save(d, from, actor, review.remarks());
    }

    /** The commune returns the dossier to the producer with the reasons. */
    public DossierView returnToProducer(long id, String reason, CurrentUser actor) {
        Dossier d = load(id);
        check(DossierAction.RETURN, d, actor);
        DossierStatus from = d.status;
        d.returnToProducer(reason);
        return save(d, from, actor, reason);
    }

    /**
     * Ends the evaluation without a star on one of the criteria set's grounds of exclusion (forged dossier,
     * non-compliant food-safety certificate, incomplete dossier, and the grounds printed under its criteria: identical to
     * another producer's product, raw material all imported or of unknown origin, an intellectual-property violation),
     * with what was found.
     *
     * @param ground the code of a ground of {@link #grounds}; {@code EVAL-036} otherwise
     */
    public DossierView knockOut(long id, String ground, @Nullable String detail, CurrentUser actor) {
        Dossier d = load(id);
        check(DossierAction.KNOCK_OUT, d, actor);
        ExclusionGround chosen = grounds(d).stream()
                .filter(g -> g.code().equals(ground))
                .findFirst()
                .orElseThrow(() -> new OcopException(EvaluationError.UNKNOWN_GROUND, ground));
        String reason = chosen.text() + (detail == null || detail.isBlank() ? "" : " — " + detail.strip());
        if (reason.length() > 4000) {
            throw new OcopException(CommonError.INVALID_PARAMETER, "reason");
        }
        DossierStatus from = d.status;
        d.knockOut(chosen.code(), reason);
        return save(d, from, actor, reason);
    }

    /** The grounds on which the dossier may be excluded: its criteria set's own (see {@link #knockOut}). */
    @Transactional(readOnly = true)
    public List<ExclusionGround> grounds(long id, CurrentUser actor) {
        Dossier d = load(id);
        requireViewer(d, actor);
        return grounds(d);
    }

    private List<ExclusionGround> grounds(Dossier d) {
        List<ExclusionGround> own = criteria.set(d.criteriaVersion, d.setNo).grounds();
        // A version imported without its grounds still lets the commune and the council end an evaluation, saying why.
        return own.isEmpty() ? List.of(new ExclusionGround("OTHER", "Lý do khác (ghi rõ)", null)) : own;
    }

    /** The round's organiser hands the dossier to the council. */
    public DossierView startEvaluation(long id, CurrentUser actor) {
        Dossier d = load(id);
        check(DossierAction.START_EVALUATION, d, actor);
        DossierStatus from = d.status;
        d.startEvaluation();
        return save(d, from, actor, null);
    }

    /** A dossier for its producer, officers covering it, and the round's council members. */
    @Transactional(readOnly = true)
    public DossierView get(long id, CurrentUser actor) {
        Dossier d = load(id);
        requireViewer(d, actor);
        return DossierView.of(d);
    }

    /** The actions the actor may take on the dossier now (see the class comment). */
    @Transactional(readOnly = true)
    public Set<DossierAction> actionsFor(long id, CurrentUser actor) {
        Dossier d = load(id);
        requireViewer(d, actor);
        Set<DossierAction> actions = EnumSet.noneOf(DossierAction.class);
        for (DossierAction action : DossierAction.values()) {
            try {
                check(action, d, actor);
                actions.add(action);
            } catch (OcopException refused) {
                // not for this viewer, or not now
            }
        }
        return actions;
    }

    /** What a dossier is about, for its heading: product, producer, where, criteria set, round. */
    public record Heading(
            String productName,
            String producerName,
            String communeName,
            String provinceName,
            int setNo,
            String setName,
            String roundName,
            String kind) {}

    @Transactional(readOnly = true)
    public Heading heading(long id, CurrentUser actor) {
        Dossier d = load(id);
        requireViewer(d, actor);
        return heading(d);
    }

    /** The documents checklist of Art. 6 for the dossier, as it stands. */
    public record ChecklistLine(
            String code,
            @Nullable String documentKind,
            boolean required,
            boolean present,
            List<String> documents,
            List<String> missingFields,
            String legalBasis) {}

    @Transactional(readOnly = true)
    public List<ChecklistLine> checklist(long id, CurrentUser actor) {
        Dossier d = load(id);
        requireViewer(d, actor);
        return checklist.of(d, store.attachments(id), today()).stream()
                .map(l -> new ChecklistLine(
                        l.code(),
                        l.documentKind(),
                        l.required(),
                        l.present(),
                        l.documents(),
                        l.missingFields(),
                        l.legalBasis()))
                .toList();
    }

    /**
     * Whether the actor may take the action on the dossier now; throws the reason otherwise: 403 for who, {@code
     * EVAL-009} for the status, and the step's own errors for missing data. Every step calls it first.
     */
    void check(DossierAction action, Dossier d, CurrentUser actor) {
        switch (action) {
            case EDIT -> {
                requireApplicant(d, actor);
                d.require(action);
            }
            case WITHDRAW -> {
                requireApplicant(d, actor);
                // Officers file and withdraw on a producer's behalf while the dossier is in the applicant's hands;
                // once submitted it is the commune's to check, and only the producer itself takes it back.
                if (d.status == DossierStatus.SUBMITTED && !policy.permitsOwnProducer(actor, d.producerId)) {
                    throw OcopException.forbidden();
                }
                d.require(action);
            }
            case SUBMIT -> {
                requireApplicant(d, actor);
                d.require(action);
                List<Checklist.Line> missing = Checklist.missing(checklist.of(d, store.attachments(d.id), today()));
                if (!missing.isEmpty()) {
                    throw new OcopException(
                            EvaluationError.DOSSIER_INCOMPLETE,
                            missing.stream()
                                    .map(line -> (Object)
                                            new org.springframework.context.support.DefaultMessageSourceResolvable(
                                                    "dossier.requirement." + line.code()))
                                    .toList());
                }
            }
            case FORWARD, RETURN -> {
                requireCommuneOfficer(d, actor);
                d.require(action);
            }
            case KNOCK_OUT -> {
                if (d.status == DossierStatus.SUBMITTED) {
                    requireCommuneOfficer(d, actor); // incomplete or forged at the commune's check
                } else {
                    requireOrganiser(rounds.get(d.roundId), actor);
                }
                d.require(action);
            }
            case START_EVALUATION -> {
                requireOrganiser(rounds.get(d.roundId), actor);
                d.require(action);
            }
            case DECLARE_CONFLICT -> {
                requireSeat(d, actor);
                d.require(action);
                if ("SUBMITTED".equals(sheets.status(d.id, actor.id()))) {
                    throw new OcopException(EvaluationError.SCORESHEET_LOCKED);
                }
            }
            case SCORE -> {
                requireSeat(d, actor);
                d.require(action);
                if (sheets.conflicted(d.id, actor.id())) {
                    throw new OcopException(EvaluationError.CONFLICT_OF_INTEREST);
                }
                if ("SUBMITTED".equals(sheets.status(d.id, actor.id()))) {
                    throw new OcopException(EvaluationError.SCORESHEET_LOCKED);
                }
            }
            case CLOSE -> {
                boolean chair = rounds.isChair(d.roundId, actor.id()) && !sheets.conflicted(d.id, actor.id());
                if (!chair && !rounds.isOrganiser(rounds.get(d.roundId), actor)) {
                    throw new OcopException(EvaluationError.NOT_THE_CHAIR);
                }
                d.require(action);
                if (!sheets.allSubmitted(d)) {
                    int missing =
                            sheets.eligibleMembers(d).size() - sheets.counted(d).size();
                    throw new OcopException(EvaluationError.SCORESHEETS_MISSING, Math.max(missing, 1));
                }
            }
            case PAPER_RESULT -> {
                boolean seated = rounds.isMember(d.roundId, actor.id());
                if (seated && sheets.conflicted(d.id, actor.id())) {
                    throw new OcopException(EvaluationError.CONFLICT_OF_INTEREST);
                }
                boolean chair = seated && rounds.isChair(d.roundId, actor.id());
                if (!chair) {
                    requireOrganiser(rounds.get(d.roundId), actor);
                }
                d.require(action);
            }
            case PROPOSE -> {
                EvaluationRound round = rounds.get(d.roundId);
                requireOrganiser(round, actor);
                if (!round.provinceLevel() || d.status != DossierStatus.RATED || !d.fiveStarCandidate) {
                    throw new OcopException(EvaluationError.NOT_A_FIVE_STAR_CANDIDATE, d.id);
                }
                if (store.proposed(d.id)) {
                    throw new OcopException(EvaluationError.DUPLICATE_DOSSIER);
                }
                d.require(action);
            }
        }
    }

    /** A dossier of a round with its product's name, for lists and rankings. */
    public record DossierLine(DossierView dossier, String productName, String producerName) {}

    /**
     * The dossiers of a round the actor may see (officers: their jurisdiction; council members: all of the round),
     * rated ones first by total descending, then the others by id.
     */
    @Transactional(readOnly = true)
    public List<DossierLine> inRound(long roundId, CurrentUser actor) {
        rounds.view(roundId, actor);
        boolean member = rounds.isMember(roundId, actor.id());
        return store.findByRound(roundId).stream()
                .filter(d -> member || mayView(d, actor))
                .sorted(Comparator.comparing(
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

    /**
     * Products the actor may file a dossier for in the round whose name (or producer's name) matches {@code text}:
     * products of the round's province within the actor's own scope (a producer: its own), at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<ProductSummary> fileable(long roundId, String text, int limit, CurrentUser actor) {
        EvaluationRound round = rounds.view(roundId, actor);
        if (!round.provinceLevel()
                || !round.takesDossiersOn(today())
                || actor.role() == Role.COUNCIL_MEMBER
                || (actor.role() != Role.PRODUCER && !policy.allowsAction(actor, Action.EDIT_RECORDS))) {
            return List.of();
        }
        try {
            return products.search(
                            new ProductQuery(
                                    text.isBlank() ? null : text.strip(),
                                    round.provinceCode(),
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null,
                                    null),
                            0,
                            Math.max(1, Math.min(limit, 50)),
                            actor)
                    .items();
        } catch (OcopException noScope) {
            return List.of();
        }
    }

    Dossier load(long id) {
        return store.find(id).orElseThrow(() -> new OcopException(EvaluationError.DOSSIER_NOT_FOUND, id));
    }

    DossierView save(Dossier d, DossierStatus from, CurrentUser actor, @Nullable String note) {
        store.save(d);
        transitioned(d.id, from, d.status, d.communeCode, actor, note, d.productId, d.kind);
        return DossierView.of(d);
    }

    /** Saves a change of content (not of status): audited, not a step of the procedure. */
    private DossierView edited(Dossier d, String what) {
        store.save(d);
        events.publishEvent(new EvaluationEvents.DossierEdited(d.id, d.communeCode, what));
        return DossierView.of(d);
    }

    Heading heading(Dossier d) {
        ProductView product = products.lookup(d.productId).orElse(null);
        EvaluationRound round = rounds.get(d.roundId);
        return new Heading(
                product == null ? "#" + d.productId : product.name(),
                product == null ? "" : product.producerName(),
                units.currentName(d.communeCode),
                units.currentName(d.provinceCode),
                d.setNo,
                criteria.set(d.criteriaVersion, d.setNo).name(),
                round.name(),
                d.kind);
    }

    /** Whether the actor may see the dossier: its producer, officers covering it, the round's council. */
    boolean mayView(Dossier d, CurrentUser actor) {
        if (policy.permitsOwnProducer(actor, d.producerId) || rounds.isMember(d.roundId, actor.id())) {
            return true;
        }
        // A council member reads the dossiers of the councils it sits on, not every dossier of its province.
        return actor.role() != Role.COUNCIL_MEMBER && policy.permits(actor, Action.VIEW_RECORDS, d.communeCode);
    }

    private void requireViewer(Dossier d, CurrentUser actor) {
        if (!mayView(d, actor)) {
            throw OcopException.forbidden();
        }
    }

    private Dossier loadVersion(long id, long expectedVersion) {
        Dossier d = load(id);
        if (d.version != expectedVersion) {
            throw new ObjectOptimisticLockingFailureException("dossier", id);
        }
        return d;
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

    private boolean applicant(CurrentUser actor, long producerId, String communeCode) {
        return policy.permitsOwnProducer(actor, producerId)
                || (actor.role() != Role.COUNCIL_MEMBER && policy.permits(actor, Action.EDIT_RECORDS, communeCode));
    }

    private void requireApplicant(Dossier d, CurrentUser actor) {
        if (!applicant(actor, d.producerId, d.communeCode)) {
            throw OcopException.forbidden();
        }
    }

    /** The commune's check is the commune officers' (Art. 7.2: UBND cấp xã). */
    private void requireCommuneOfficer(Dossier d, CurrentUser actor) {
        if (actor.role() != Role.COMMUNE_OFFICER || !policy.permits(actor, Action.EDIT_RECORDS, d.communeCode)) {
            throw OcopException.forbidden();
        }
    }

    /**
     * 403 unless the actor organises the round. Asked as a yes/no of the rounds service: an exception thrown through
     * its transactional proxy would mark the caller's transaction rollback-only, and {@link #actionsFor} asks many
     * questions in one read-only transaction.
     */
    private void requireOrganiser(EvaluationRound round, CurrentUser actor) {
        if (!rounds.isOrganiser(round, actor)) {
            throw OcopException.forbidden();
        }
    }

    private void requireSeat(Dossier d, CurrentUser actor) {
        if (!rounds.isMember(d.roundId, actor.id())) {
            throw new OcopException(EvaluationError.NOT_A_COUNCIL_MEMBER);
        }
        if (actor.role() == Role.PRODUCER) {
            throw new OcopException(EvaluationError.CONFLICT_OF_INTEREST);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
