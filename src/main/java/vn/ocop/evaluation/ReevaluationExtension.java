package vn.ocop.evaluation;

import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.ocop.product.RatingExtension;

/**
 * Art. 12.3: a certificate whose product has a re-evaluation dossier being processed (sent to the commune and not yet
 * decided) stays in force past its expiry until the result, at most 180 days.
 */
@Component
class ReevaluationExtension implements RatingExtension {

    private final JdbcClient jdbc;

    ReevaluationExtension(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean extendedOn(long productId, LocalDate expiresOn, LocalDate today) {
        return ReevaluationWindow.withinExtension(expiresOn, today)
                && jdbc.sql("""
                                SELECT count(*) FROM dossier
                                 WHERE product_id = ? AND kind = 'REEVALUATION'
                                   AND status IN ('SUBMITTED', 'RETURNED', 'FORWARDED', 'UNDER_EVALUATION')""").param(productId).query(Long.class).single() > 0;
    }
}
