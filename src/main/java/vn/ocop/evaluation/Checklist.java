package vn.ocop.evaluation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ocop.evaluation.criteria.ScoringEngine;

/**
 * The documents checklist of a dossier (Decision 26/2026/QĐ-TTg Art. 6.1): which forms and documents its kind and
 * criteria set need, as data ({@code dossier_requirement}, per criteria version), and which are there. A form counts
 * when its fields are filled in (the platform prints it); a document when one of its kind is attached and still valid.
 */
@Component
class Checklist {

    /** One line of the checklist. */
    record Line(
            String code,
            String source,
            @Nullable String documentKind,
            boolean required,
            boolean present,
            List<String> documents,
            List<String> missingFields,
            String legalBasis) {}

    private record Requirement(
            String code, String source, @Nullable String documentKind, boolean required, String legalBasis) {}

    private final JdbcClient jdbc;
    private final CriteriaSets criteria;

    Checklist(JdbcClient jdbc, CriteriaSets criteria) {
        this.jdbc = jdbc;
        this.criteria = criteria;
    }

    List<Line> of(Dossier d, List<EvidenceLocker.Document> attachments, LocalDate today) {
        if ("PROPOSAL".equals(d.kind)) {
            return List.of(); // a 5★ proposal carries the province dossier, already checked
        }
        List<Line> lines = new ArrayList<>();
        for (Requirement r : requirements(d)) {
            if ("FORM".equals(r.source())) {
                List<String> missing =
                        "FORM_01".equals(r.code()) ? d.forms.missingRegistration(d.setNo) : missingReport(d);
                lines.add(new Line(
                        r.code(),
                        r.source(),
                        null,
                        r.required(),
                        missing.isEmpty(),
                        List.of(),
                        missing,
                        r.legalBasis()));
            } else {
                List<String> documents = attachments.stream()
                        .filter(doc -> doc.kind().equals(r.documentKind()) && !doc.expiredOn(today))
                        .map(EvidenceLocker.Document::fileName)
                        .toList();
                lines.add(new Line(
                        r.code(),
                        r.source(),
                        r.documentKind(),
                        r.required(),
                        !documents.isEmpty(),
                        documents,
                        List.of(),
                        r.legalBasis()));
            }
        }
        return lines;
    }

    /** The required lines not yet there. */
    static List<Line> missing(List<Line> lines) {
        return lines.stream().filter(l -> l.required() && !l.present()).toList();
    }

    private List<String> missingReport(Dossier d) {
        List<String> missing = new ArrayList<>();
        var set = criteria.set(d.criteriaVersion, d.setNo);
        var result = ScoringEngine.score(set, criteria.bands(d.criteriaVersion), d.selfAssessment, null);
        if (!result.unanswered().isEmpty()) {
            missing.add("dossier.form.selfAssessment");
        }
        missing.addAll(d.forms.missingReport(d.kind));
        return missing;
    }

    private List<Requirement> requirements(Dossier d) {
        List<Requirement> found = query(d.criteriaVersion, d);
        // A criteria version imported later without its own checklist uses the newest one that has a checklist.
        return found.isEmpty() ? query(newestVersionWithChecklist(), d) : found;
    }

    private List<Requirement> query(String version, Dossier d) {
        return jdbc.sql("""
                        SELECT code, source, document_kind, required, legal_basis FROM dossier_requirement
                         WHERE criteria_version = ? AND ? = ANY (dossier_kinds) AND ? BETWEEN set_from AND set_to
                         ORDER BY position""")
                .params(version, d.kind, d.setNo)
                .query((rs, n) -> new Requirement(
                        rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5)))
                .list();
    }

    private String newestVersionWithChecklist() {
        return jdbc.sql("""
                        SELECT r.criteria_version FROM dossier_requirement r
                          JOIN criteria_version v ON v.code = r.criteria_version
                         ORDER BY v.effective_from DESC LIMIT 1""").query(String.class).optional().orElse("");
    }
}
