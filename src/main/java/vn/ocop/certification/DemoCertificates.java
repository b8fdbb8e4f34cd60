package vn.ocop.certification;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.shared.OcopException;

/**
 * The last stage of the demo evaluation round (never in {@code prod}): the Đồng Tháp province officer issues the
 * certificate of the product the evaluation module's demo round rated 4★ for this purpose, decided today (after the
 * council's result, Certification.requireAuthority). Idempotent: a candidate no longer pending is left alone.
 */
@Component
@Order(31)
@ConditionalOnBooleanProperty(name = "ocop.demo-data.enabled")
class DemoCertificates implements ApplicationRunner {

    /** The evaluation module's DemoRound.CERTIFIED_PRODUCT. */
    static final String PRODUCT = "Trà tim sen Sen Hồng";

    private static final Logger log = LoggerFactory.getLogger(DemoCertificates.class);
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final Certification certification;
    private final UserAccounts accounts;
    private final Clock clock;

    DemoCertificates(Certification certification, UserAccounts accounts, Clock clock) {
        this.certification = certification;
        this.accounts = accounts;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        Optional<CurrentUser> officer = accounts.withRole(Role.PROVINCE_OFFICER, "82").stream()
                .filter(u -> u.username().equals("dongthap.tinh"))
                .findFirst()
                .map(u -> new CurrentUser(u.id(), u.username(), u.displayName(), u.role(), u.jurisdictionCode(), null));
        if (officer.isEmpty()) {
            return;
        }
        // The council's result becomes a candidate after its transaction commits (an event): wait for it a while.
        long until = System.nanoTime() + WAIT.toNanos();
        Optional<Certification.Candidate> candidate = candidate(officer.get());
        while (candidate.isEmpty() && System.nanoTime() < until) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            candidate = candidate(officer.get());
        }
        if (candidate.isEmpty()) {
            log.warn("Demo data: no certification candidate for '{}'; no demo certificate", PRODUCT);
            return;
        }
        if (!"PENDING".equals(candidate.get().status())) {
            if (!"ISSUED".equals(candidate.get().status())) {
                log.warn(
                        "Demo data: '{}' is {}; no demo certificate",
                        PRODUCT,
                        candidate.get().status());
            }
            return;
        }
        long dossier = candidate.get().dossierId();
        try {
            issue(dossier, officer.get());
        } catch (OcopException e) {
            log.warn("Demo data: no demo certificate for '{}': {}", PRODUCT, e.getMessage());
        }
    }

    private void issue(long dossier, CurrentUser officer) {
        Certificate issued = certification
                .issue(
                        new Certification.IssueDecision(
                                "QĐ " + dossier + "-MAU/QĐ-UBND",
                                LocalDate.now(clock),
                                "Chủ tịch UBND tỉnh Đồng Tháp",
                                List.of(dossier)),
                        officer)
                .get(0);
        log.info("Demo data: certificate {} issued for '{}'", issued.number(), PRODUCT);
    }

    private Optional<Certification.Candidate> candidate(CurrentUser officer) {
        // The demo's province has a handful of rated products: one page holds them all.
        return certification.candidates(new Certification.CandidateQuery(null, null), 0, 500, officer).items().stream()
                .filter(c -> c.productName().equals(PRODUCT))
                .reduce((first, second) -> second);
    }
}
