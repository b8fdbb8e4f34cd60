package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import vn.ocop.evaluation.EvaluationEvents.ProductRated;
import vn.ocop.evaluation.EvaluationEvents.ScoresheetSubmitted;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.ScoringEngine;
import vn.ocop.evaluation.criteria.ScoringResult;
import vn.ocop.identity.CurrentUser;
import vn.ocop.shared.OcopException;

/**
 * How a council scores (Decision 26/2026/QĐ-TTg Art. 7): every member who has no conflict of interest fills in an
 * independent scoresheet (members do not see each other's sheets until all are submitted), submits and so locks it;
 * the chair closes the evaluation once all are in. The result is the mean of the sheets (see {@link ScoringEngine});
 * sheets far from the mean are flagged so the council can discuss them.
 */
@Service
@Transactional
public class CouncilScoring {

    private static final TypeReference<Map<String, Integer>> CHOICES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final CouncilSheets councilSheets;
    private final Dossiers dossiers;
    private final EvaluationRounds rounds;
    private final CriteriaSets criteria;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final BigDecimal divergenceThreshold;

    CouncilScoring(
            JdbcClient jdbc,
            JsonMapper json,
            CouncilSheets councilSheets,
            Dossiers dossiers,
            EvaluationRounds rounds,
            CriteriaSets criteria,
            ApplicationEventPublisher events,
            Clock clock,
            @Value("${ocop.evaluation.divergence-threshold:10}") BigDecimal divergenceThreshold) {
        this.jdbc = jdbc;
        this.json = json;
        this.councilSheets = councilSheets;
        this.dossiers = dossiers;
        this.rounds = rounds;
        this.criteria = criteria;
        this.events = events;
        this.clock = clock;
        this.divergenceThreshold = divergenceThreshold;
    }

    /** One member's sheet. {@code divergent}: after all are submitted, its total is far from the mean. */
    public record SheetView(
            long memberId,
            String memberName,
            String status,
            Map<String, Integer> choices,
            BigDecimal total,
            boolean divergent) {}

    /** What a viewer may see of a dossier's scoring: own sheet always, the others once all are submitted. */
    public record Scoring(
            long dossierId,
            List<SheetView> sheets,
            int expected,
            int submitted,
            boolean allSubmitted,
            @Nullable BigDecimal mean) {}

    /** A member declares whether they have a conflict of interest with the producer; a conflicted member cannot score. */
    public void declareConflict(long dossierId, boolean conflicted, @Nullable String note, CurrentUser member) {
        Dossier d = dossiers.load(dossierId);
        dossiers.check(DossierAction.DECLARE_CONFLICT, d, member);
        jdbc.sql("""
                        INSERT INTO conflict_declaration (dossier_id, user_id, conflicted, note) VALUES (?, ?, ?, ?)
                        ON CONFLICT (dossier_id, user_id) DO UPDATE SET conflicted = EXCLUDED.conflicted,
                            note = EXCLUDED.note, declared_at = now()""").params(dossierId, member.id(), conflicted, note).update();
    }

    /** Saves the member's choices (a draft); refused once submitted, for conflicted members and outside scoring. */
    public SheetView save(long dossierId, Map<String, Integer> choices, CurrentUser member) {
        Dossier d = dossiers.load(dossierId);
        dossiers.check(DossierAction.SCORE, d, member);
        CriteriaSetDefinition set = criteria.set(d.criteriaVersion, d.setNo);
        ScoringResult result;
        try {
            result = ScoringEngine.score(set, criteria.bands(d.criteriaVersion), choices, null);
        } catch (IllegalArgumentException e) {
            throw new OcopException(EvaluationError.INVALID_CHOICE, e.getMessage());
        }
        jdbc.sql("""
                        INSERT INTO scoresheet (dossier_id, member_id, choices, total, status)
                        VALUES (?, ?, CAST(? AS jsonb), ?, 'DRAFT')
                        ON CONFLICT (dossier_id, member_id) DO UPDATE SET choices = EXCLUDED.choices,
                            total = EXCLUDED.total, version = scoresheet.version + 1
                        WHERE scoresheet.status = 'DRAFT'""")
                .params(dossierId, member.id(), json.writeValueAsString(choices), result.total())
                .update();
        return new SheetView(member.id(), member.displayName(), "DRAFT", Map.copyOf(choices), result.total(), false);
    }

    /** Submits and locks the member's sheet; every criterion must be answered. */
    public SheetView submit(long dossierId, CurrentUser member) {
        Dossier d = dossiers.load(dossierId);
        dossiers.check(DossierAction.SCORE, d, member);
        Map<String, Integer> choices = councilSheets.choices(dossierId, member.id());
        if (choices == null) {
            throw new OcopException(
                    EvaluationError.INCOMPLETE_SCORESHEET,
                    criteria.set(d.criteriaVersion, d.setNo).criteria().count());
        }
        ScoringResult result = ScoringEngine.score(
                criteria.set(d.criteriaVersion, d.setNo), criteria.bands(d.criteriaVersion), choices, null);
        if (!result.unanswered().isEmpty()) {
            throw new OcopException(
                    EvaluationError.INCOMPLETE_SCORESHEET, result.unanswered().size());
        }
        int updated = jdbc.sql("UPDATE scoresheet SET status = 'SUBMITTED', submitted_at = ? WHERE dossier_id = ?"
                        + " AND member_id = ? AND status = 'DRAFT'")
                .params(Timestamp.from(Instant.now(clock)), dossierId, member.id())
                .update();
        if (updated != 1) {
            throw new OcopException(EvaluationError.SCORESHEET_LOCKED);
        }
        events.publishEvent(new ScoresheetSubmitted(dossierId, member.username(), result.total(), d.communeCode));
        return new SheetView(member.id(), member.displayName(), "SUBMITTED", choices, result.total(), false);
    }

    /** The scoring state as the viewer may see it (independence until all sheets are submitted). */
    @Transactional(readOnly = true)
    public Scoring view(long dossierId, CurrentUser viewer) {
        Dossier d = dossiers.load(dossierId);
        if (!dossiers.mayView(d, viewer)) {
            throw OcopException.forbidden(); // members, and officers covering the dossier, follow progress
        }
        List<SheetView> all = sheets(dossierId);
        Set<Long> eligible = councilSheets.eligibleMembers(d);
        long submitted = all.stream()
                .filter(s -> "SUBMITTED".equals(s.status()) && eligible.contains(s.memberId()))
                .count();
        boolean complete = !eligible.isEmpty() && submitted == eligible.size();
        BigDecimal mean = complete ? mean(all, eligible) : null;
        List<SheetView> visible = new ArrayList<>();
        for (SheetView s : all) {
            if (complete) {
                boolean divergent = s.total().subtract(mean).abs().compareTo(divergenceThreshold) > 0;
                visible.add(new SheetView(s.memberId(), s.memberName(), s.status(), s.choices(), s.total(), divergent));
            } else if (s.memberId() == viewer.id()) {
                visible.add(s);
            }
        }
        return new Scoring(dossierId, visible, eligible.size(), (int) submitted, complete, mean);
    }

    /**
     * The chair closes the evaluation: every eligible member has submitted; the council result is computed, recorded
     * on the dossier and announced as {@link ProductRated}.
     */
    public DossierView close(long dossierId, CurrentUser chair) {
        Dossier d = dossiers.load(dossierId);
        dossiers.check(DossierAction.CLOSE, d, chair);
        EvaluationRound round = rounds.get(d.roundId);
        ScoringResult result = ScoringEngine.average(
                criteria.set(d.criteriaVersion, d.setNo),
                criteria.bands(d.criteriaVersion),
                councilSheets.counted(d).stream()
                        .map(CouncilSheets.Sheet::choices)
                        .toList(),
                null);
        DossierStatus from = d.status;
        d.rate(result.total(), result.star(), round.provinceLevel());
        DossierView view =
                dossiers.save(d, from, chair, "total " + result.total().toPlainString() + ", " + result.star() + "★");
        events.publishEvent(new ProductRated(
                d.id,
                d.productId,
                d.producerId,
                d.roundId,
                round.level(),
                d.criteriaVersion,
                d.setNo,
                result.total(),
                result.star(),
                d.fiveStarCandidate,
                d.communeCode));
        return view;
    }

    /**
     * Records the result of a council that met on paper: the members' totals from its signed minutes and the star it
     * decided. The mean decides the band; the star may be lower than the band (markers the paper sheets checked) but
     * never higher. Only the round's organiser (or its chair) enters it, once, while the dossier is under evaluation.
     */
    public DossierView recordPaperResult(long dossierId, List<BigDecimal> memberTotals, int star, CurrentUser actor) {
        Dossier d = dossiers.load(dossierId);
        dossiers.check(DossierAction.PAPER_RESULT, d, actor);
        EvaluationRound round = rounds.get(d.roundId);
        if (memberTotals.isEmpty()
                || memberTotals.stream().anyMatch(t -> t.signum() < 0 || t.compareTo(new BigDecimal("100")) > 0)) {
            throw new OcopException(EvaluationError.INVALID_PAPER_RESULT, memberTotals);
        }
        BigDecimal mean = memberTotals.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(memberTotals.size()), java.math.MathContext.DECIMAL64);
        int bandStar = criteria.bands(d.criteriaVersion).starFor(mean);
        if (star < 1 || star > bandStar) {
            throw new OcopException(EvaluationError.STAR_ABOVE_BAND, star, bandStar, mean.toPlainString());
        }
        DossierStatus from = d.status;
        d.rate(mean, star, round.provinceLevel());
        DossierView view = dossiers.save(
                d,
                from,
                actor,
                "paper council: totals "
                        + memberTotals.stream().map(BigDecimal::toPlainString).toList() + ", " + star + "★");
        events.publishEvent(new ProductRated(
                d.id,
                d.productId,
                d.producerId,
                d.roundId,
                round.level(),
                d.criteriaVersion,
                d.setNo,
                mean,
                star,
                d.fiveStarCandidate,
                d.communeCode));
        return view;
    }

    /** One line of a paper-results import. */
    public record PaperLine(long dossierId, List<BigDecimal> memberTotals, int star) {}

    /** Records several paper results of one round in one transaction: any failure rolls all back. */
    public List<DossierView> recordPaperResults(long roundId, List<PaperLine> lines, CurrentUser actor) {
        rounds.get(roundId);
        List<DossierView> results = new ArrayList<>();
        for (PaperLine line : lines) {
            if (dossiers.load(line.dossierId()).roundId != roundId) {
                throw new OcopException(EvaluationError.DOSSIER_NOT_FOUND, line.dossierId());
            }
            results.add(recordPaperResult(line.dossierId(), line.memberTotals(), line.star(), actor));
        }
        return results;
    }

    private List<SheetView> sheets(long dossierId) {
        return councilSheets.sheets(dossierId).stream()
                .map(s -> new SheetView(s.memberId(), s.memberName(), s.status(), s.choices(), s.total(), false))
                .toList();
    }

    private static BigDecimal mean(List<SheetView> sheets, Set<Long> eligible) {
        List<BigDecimal> totals = sheets.stream()
                .filter(s -> eligible.contains(s.memberId()))
                .map(SheetView::total)
                .toList();
        return totals.stream()
                .reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(totals.size()), java.math.MathContext.DECIMAL64);
    }
}
