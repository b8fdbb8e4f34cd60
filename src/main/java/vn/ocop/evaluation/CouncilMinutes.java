package vn.ocop.evaluation;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.ScoringEngine;
import vn.ocop.evaluation.criteria.ScoringResult;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.pdf.PdfDocuments;

/**
 * The minutes (biên bản) of a council's evaluation of one product, as PDF: members and their totals, the mean, the
 * star and the reasons for any cap. Generated from the stored scoresheets, so it can be produced again at any time.
 */
@Service
@Transactional(readOnly = true)
public class CouncilMinutes {

    private final Dossiers dossiers;
    private final CouncilScoring scoring;
    private final EvaluationRounds rounds;
    private final CriteriaSets criteria;
    private final ProductRegistry products;
    private final AdminUnits units;
    private final PdfDocuments pdf;
    private final JdbcClient jdbc;

    CouncilMinutes(
            Dossiers dossiers,
            CouncilScoring scoring,
            EvaluationRounds rounds,
            CriteriaSets criteria,
            ProductRegistry products,
            AdminUnits units,
            PdfDocuments pdf,
            JdbcClient jdbc) {
        this.dossiers = dossiers;
        this.scoring = scoring;
        this.rounds = rounds;
        this.criteria = criteria;
        this.products = products;
        this.units = units;
        this.pdf = pdf;
        this.jdbc = jdbc;
    }

    /** Whether the platform holds the scoresheets the minutes are made from (not for a result recorded on paper). */
    public boolean available(long dossierId, CurrentUser viewer) {
        DossierView dossier = dossiers.get(dossierId, viewer);
        return dossier.status() == DossierStatus.RATED
                && !scoring.view(dossierId, viewer).sheets().isEmpty();
    }

    /**
     * The minutes of a rated dossier; {@code EVAL-009} (409) before the council closed it, {@code EVAL-041} (409) for a
     * result recorded from a council that met on paper.
     */
    public byte[] pdf(long dossierId, CurrentUser viewer) {
        DossierView dossier = dossiers.get(dossierId, viewer);
        if (dossier.status() != DossierStatus.RATED) {
            throw new OcopException(EvaluationError.ILLEGAL_TRANSITION, dossier.status(), "minutes");
        }
        EvaluationRound round = rounds.get(dossier.roundId());
        CouncilScoring.Scoring state = scoring.view(dossierId, viewer);
        if (state.sheets().isEmpty()) {
            throw new OcopException(EvaluationError.PAPER_MINUTES, dossierId);
        }
        CriteriaSetDefinition set = criteria.set(dossier.criteriaVersion(), dossier.setNo());
        ScoringResult result = ScoringEngine.average(
                set,
                criteria.bands(dossier.criteriaVersion()),
                state.sheets().stream().map(CouncilScoring.SheetView::choices).toList(),
                null);
        ProductView product = products.lookup(dossier.productId())
                .orElseThrow(
                        () -> new OcopException(vn.ocop.product.ProductError.PRODUCT_NOT_FOUND, dossier.productId()));
        Map<Long, String> roles = new HashMap<>();
        String chairName = "";
        for (EvaluationRounds.Member member : rounds.members(round.id())) {
            roles.put(member.userId(), member.role());
            if ("CHAIR".equals(member.role())) {
                chairName = member.displayName();
            }
        }
        long conflicts = jdbc.sql("SELECT count(*) FROM conflict_declaration WHERE dossier_id = ? AND conflicted")
                .param(dossierId)
                .query(Long.class)
                .single();
        LocalDate closedOn = jdbc.sql(
                        "SELECT max(at) FROM dossier_transition WHERE dossier_id = ? AND to_status = 'RATED'")
                .param(dossierId)
                .query(java.sql.Timestamp.class)
                .single()
                .toInstant()
                .atZone(OcopClock.VIETNAM)
                .toLocalDate();
        Map<String, Object> model = new HashMap<>();
        model.put("dossier", dossier);
        model.put("round", round);
        model.put(
                "provinceName",
                round.provinceCode() == null
                        ? ""
                        : units.find(AdminEdition.CURRENT, round.provinceCode())
                                .map(u -> u.fullName())
                                .orElse(round.provinceCode()));
        model.put("product", product);
        model.put("set", set);
        model.put("scoring", state);
        model.put("roles", roles);
        model.put("chairName", chairName);
        model.put("conflicts", conflicts);
        model.put("result", result);
        model.put("closedOn", closedOn);
        return pdf.render("pdf/council-minutes", model, Locale.forLanguageTag("vi"), closedOn);
    }
}
