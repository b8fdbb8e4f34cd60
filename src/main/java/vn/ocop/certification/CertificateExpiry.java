package vn.ocop.certification;

import java.time.Clock;
import java.time.LocalDate;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The daily job that marks certificates past their last day as EXPIRED (and drops the products' stars). Runs at
 * 00:30 Vietnam time on one node only (ShedLock); running it twice the same day changes nothing the second time.
 */
@Component
class CertificateExpiry {

    private static final Logger log = LoggerFactory.getLogger(CertificateExpiry.class);

    private final Certification certification;
    private final Clock clock;

    CertificateExpiry(Certification certification, Clock clock) {
        this.certification = certification;
        this.clock = clock;
    }

    @Scheduled(cron = "0 30 0 * * *", zone = "Asia/Ho_Chi_Minh")
    @SchedulerLock(name = "certificate-expiry", lockAtLeastFor = "PT1M")
    void run() {
        int expired = certification.expireDue(LocalDate.now(clock));
        if (expired > 0) {
            log.info("{} certificates expired", expired);
        }
    }
}
