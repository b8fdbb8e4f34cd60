package vn.ocop.evaluation;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.ScoringEngine;
import vn.ocop.evaluation.criteria.ScoringResult;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.identity.CurrentUser;
import vn.ocop.producer.ProducerError;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.producer.ProducerView;
import vn.ocop.product.ProductError;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;
import vn.ocop.shared.pdf.PdfDocuments;

/**
 * The dossier's own documents of Decision 26/2026/QĐ-TTg Phụ lục III, generated as PDFs from what the platform holds,
 * so that nobody retypes a form: the registration form (Mẫu 01) and the self-assessment report (Mẫu 02) from the
 * producer, the product, the criteria set, the self-assessment with the evidence cited per criterion and the forms'
 * fields; the commune's report (Mẫu 03) and its proposal letter to the province (Art. 7.2.b) from the commune's check.
 * Whoever may see the dossier may print them; the commune's two documents exist once the commune forwarded it.
 */
@Service
@Transactional(readOnly = true)
public class DossierDocuments {

    private final Dossiers dossiers;
    private final DossierStore store;
    private final CriteriaSets criteria;
    private final ProducerRegistry producers;
    private final ProductRegistry products;
    private final AdminUnits units;
    private final PdfDocuments pdf;
    private final Clock clock;

    DossierDocuments(
            Dossiers dossiers,
            DossierStore store,
            CriteriaSets criteria,
            ProducerRegistry producers,
            ProductRegistry products,
            AdminUnits units,
            PdfDocuments pdf,
            Clock clock) {
        this.dossiers = dossiers;
        this.store = store;
        this.criteria = criteria;
        this.producers = producers;
        this.products = products;
        this.units = units;
        this.pdf = pdf;
        this.clock = clock;
    }

    /** Mẫu 01: Phiếu đăng ký đánh giá, phân hạng sản phẩm OCOP. */
    public byte[] registrationForm(long dossierId, CurrentUser actor) {
        return render("pdf/form-01", dossierId, actor);
    }

    /** Mẫu 02: Báo cáo tự đánh giá về sản phẩm, with the self-assessment and its evidence per criterion. */
    public byte[] selfAssessmentReport(long dossierId, CurrentUser actor) {
        return render("pdf/form-02", dossierId, actor);
    }

    /** Mẫu 03: the commune's report on four contents of the dossier; {@code EVAL-009} before the commune's check. */
    public byte[] communeReport(long dossierId, CurrentUser actor) {
        requireCommuneReview(dossierId, actor);
        return render("pdf/form-03", dossierId, actor);
    }

    /** The commune's letter proposing the province evaluate the product (Art. 7.2.b). */
    public byte[] proposalLetter(long dossierId, CurrentUser actor) {
        requireCommuneReview(dossierId, actor);
        return render("pdf/proposal-letter", dossierId, actor);
    }

    private void requireCommuneReview(long dossierId, CurrentUser actor) {
        DossierView dossier = dossiers.get(dossierId, actor);
        if (dossier.communeReview() == null) {
            throw new OcopException(EvaluationError.ILLEGAL_TRANSITION, dossier.status(), "commune-report");
        }
    }

    private byte[] render(String template, long dossierId, CurrentUser actor) {
        DossierView dossier = dossiers.get(dossierId, actor);
        Dossier d = dossiers.load(dossierId);
        ProductView product = products.lookup(dossier.productId())
                .orElseThrow(() -> new OcopException(ProductError.PRODUCT_NOT_FOUND, dossier.productId()));
        ProducerView producer = producers
                .lookup(dossier.producerId())
                .orElseThrow(() -> new OcopException(ProducerError.PRODUCER_NOT_FOUND, dossier.producerId()));
        CriteriaSetDefinition set = criteria.set(dossier.criteriaVersion(), dossier.setNo());
        ScoringResult result =
                ScoringEngine.score(set, criteria.bands(dossier.criteriaVersion()), dossier.selfAssessment(), null);
        Map<Long, String> documentNames = new LinkedHashMap<>();
        store.attachments(dossierId).forEach(doc -> documentNames.put(doc.id(), doc.fileName()));
        LocalDate received = dossier.submittedAt() == null
                ? null
                : dossier.submittedAt().atZone(OcopClock.VIETNAM).toLocalDate();
        LocalDate documentDate = received == null ? LocalDate.now(clock) : received;
        Map<String, Object> model = new HashMap<>();
        model.put("dossier", dossier);
        model.put("heading", dossiers.heading(d));
        model.put("product", product);
        model.put("producer", producer);
        model.put("set", set);
        model.put("result", result);
        model.put("documentNames", documentNames);
        model.put("commune", unit(dossier.communeCode()));
        model.put("province", unit(dossier.provinceCode()));
        model.put("received", received);
        model.put("year", documentDate.getYear());
        model.put(
                "receiptNumber",
                dossier.id() + "/PĐK-" + dossier.provinceCode() + "-" + dossier.communeCode() + "-"
                        + documentDate.getYear());
        model.put("evidence", dossier.evidence());
        model.put("attachments", List.copyOf(documentNames.values()));
        return pdf.render(template, model, Locale.forLanguageTag("vi"), documentDate);
    }

    private AdminUnit unit(String code) {
        return units.find(AdminEdition.CURRENT, code)
                .orElseThrow(() -> new OcopException(vn.ocop.geography.GeographyError.UNIT_NOT_FOUND, code, "2025"));
    }
}
