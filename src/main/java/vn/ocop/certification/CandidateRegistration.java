package vn.ocop.certification;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import vn.ocop.evaluation.EvaluationEvents.ProductRated;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;

/**
 * Turns each council result into a certification candidate (Decision 26/2026/QĐ-TTg Art. 4, 6):
 *
 * <ul>
 *   <li>below 3★: NOT_ELIGIBLE, no decision and no certificate (Art. 4.1.a);
 *   <li>3–4★ (from a province round, or from a central round that did not reach 90): the province certifies;
 *   <li>5★ from a central round: the ministry certifies;
 *   <li>5★ from a province round: NOT_ELIGIBLE here, the product is proposed to the ministry's round.
 * </ul>
 *
 * Runs after the rating committed; the event publication registry replays it if it fails. Idempotent per dossier.
 */
@Component
class CandidateRegistration {

    private final JdbcClient jdbc;
    private final ProductRegistry products;

    CandidateRegistration(JdbcClient jdbc, ProductRegistry products) {
        this.jdbc = jdbc;
        this.products = products;
    }

    @ApplicationModuleListener
    void on(ProductRated rated) {
        // The product's province through the product module's API (its table is not this module's to read).
        String province = products.lookup(rated.productId())
                .map(ProductView::provinceCode)
                .orElseThrow(() -> new IllegalStateException("rated product " + rated.productId() + " not found"));
        jdbc.sql("""
                        INSERT INTO certification_candidate (dossier_id, product_id, producer_id, round_id, level, star,
                                                             total, commune_code, province_code, status)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (dossier_id) DO NOTHING""")
                .params(
                        rated.dossierId(),
                        rated.productId(),
                        rated.producerId(),
                        rated.roundId(),
                        rated.star() == 5 ? "CENTRAL" : "PROVINCE",
                        rated.star(),
                        rated.total(),
                        rated.communeCode(),
                        province,
                        eligible(rated) ? "PENDING" : "NOT_ELIGIBLE")
                .update();
    }

    static boolean eligible(ProductRated rated) {
        return rated.star() >= 3 && !(rated.star() == 5 && "PROVINCE".equals(rated.level()));
    }
}
