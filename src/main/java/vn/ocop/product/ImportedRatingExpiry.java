package vn.ocop.product;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every night, on one node, the ratings recorded from a province's earlier records whose certificate expired lose
 * their star (pages and the API already show them as expired from the day after expiry; this keeps lists and filters
 * by star in step). The platform's own certificates are expired by the certification module.
 */
@Component
class ImportedRatingExpiry {

    private final ProductRegistry products;
    private final Clock clock;

    ImportedRatingExpiry(ProductRegistry products, Clock clock) {
        this.products = products;
        this.clock = clock;
    }

    @Scheduled(cron = "0 10 0 * * *", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "imported-rating-expiry", lockAtMostFor = "PT30M")
    void expire() {
        products.expireImportedRatings(LocalDate.now(clock));
    }
}
