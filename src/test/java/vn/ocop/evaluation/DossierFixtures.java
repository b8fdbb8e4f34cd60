package vn.ocop.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.ocop.identity.CurrentUser;

/**
 * Makes a draft dossier ready to send, as a producer would from the pages: the forms filled in, every criterion
 * self-assessed, and a valid document for every required line of its checklist (Decision 26/2026/QĐ-TTg Art. 6). A
 * bean of the test context: autowire it.
 */
@org.springframework.stereotype.Component
public final class DossierFixtures {

    /** Forms with every field that sending needs. */
    public static final DossierForms COMPLETE_FORMS = new DossierForms(
            5,
            true,
            "FEMALE",
            "Kinh",
            "Ấp 1, Phường Cao Lãnh",
            "Giấy ĐKKD số 1402000123, cấp ngày 12/3/2015",
            "Chai thủy tinh 500 ml; TCCS 01:2024",
            true,
            true,
            true,
            false,
            false,
            null,
            "Thành lập năm 2015 từ tổ hợp tác làm nước mắm truyền thống.",
            "Ban giám đốc, 3 tổ sản xuất.",
            "Doanh thu năm 2025 đạt 2,1 tỷ đồng; tiêu thụ tại 5 tỉnh.",
            "Mở rộng vùng nguyên liệu và xuất khẩu sang Nhật Bản.",
            "Đổi bao bì, thêm phiếu kiểm nghiệm định kỳ năm 2026.");

    private final Dossiers dossiers;
    private final EvidenceLocker evidence;
    private final CriteriaSets criteria;

    public DossierFixtures(Dossiers dossiers, EvidenceLocker evidence, CriteriaSets criteria) {
        this.dossiers = dossiers;
        this.evidence = evidence;
        this.criteria = criteria;
    }

    /** Completes the dossier for sending (choices already made are kept; the rest get their first option). */
    public DossierView complete(long dossierId, CurrentUser actor) {
        DossierView dossier = dossiers.get(dossierId, actor);
        Map<String, Integer> choices = new LinkedHashMap<>(dossier.selfAssessment());
        criteria.set(dossier.criteriaVersion(), dossier.setNo())
                .criteria()
                .forEach(c -> choices.putIfAbsent(c.code(), 0));
        dossier = dossiers.assess(dossierId, choices, Map.of(), Map.of(), dossier.version(), actor);
        dossier = dossiers.fillIn(dossierId, COMPLETE_FORMS, dossier.version(), actor);
        for (Dossiers.ChecklistLine line : dossiers.checklist(dossierId, actor)) {
            if (line.required() && !line.present() && line.documentKind() != null) {
                evidence.uploadToDossier(dossierId, line.documentKind(), line.code() + ".pdf", aPdf(), null, actor);
            }
        }
        return dossiers.get(dossierId, actor);
    }

    /** Completes the dossier and sends it to the commune. */
    public DossierView completeAndSubmit(long dossierId, CurrentUser actor) {
        complete(dossierId, actor);
        return dossiers.submit(dossierId, actor);
    }

    /** The best option of every criterion of the dossier's set (a council sheet giving the top score). */
    public Map<String, Integer> bestChoices(DossierView dossier) {
        Map<String, Integer> choices = new LinkedHashMap<>();
        criteria.set(dossier.criteriaVersion(), dossier.setNo())
                .criteria()
                .forEach(c -> choices.put(
                        c.code(),
                        c.options().stream()
                                .max(java.util.Comparator.comparing(
                                        vn.ocop.evaluation.criteria.OptionDefinition::points))
                                .orElseThrow()
                                .index()));
        return choices;
    }

    /** A small PDF, different every time (a producer's locker refuses the same file twice). */
    public static byte[] aPdf() {
        return ("%PDF-1.4\n% " + UUID.randomUUID() + "\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);
    }

    static List<String> requiredCodes(List<Dossiers.ChecklistLine> lines) {
        return lines.stream()
                .filter(Dossiers.ChecklistLine::required)
                .map(Dossiers.ChecklistLine::code)
                .toList();
    }
}
