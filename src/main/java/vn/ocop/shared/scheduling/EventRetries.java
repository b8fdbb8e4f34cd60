package vn.ocop.shared.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs again the asynchronous listeners that did not complete (an e-mail while the SMTP server was down, a listener
 * that lost a deadlock), every {@code ocop.events.retry-every} on one node, instead of only at the next start
 * ({@code spring.modulith.events.republish-outstanding-events-on-restart}). Only publications older than
 * {@code ocop.events.retry-after} are taken, long after a listener still running on another node has finished or
 * failed; those older than {@code ocop.events.give-up-after} are left alone (they stay in the registry, and a restart
 * still resubmits them). Listeners must tolerate running twice, as they already must for restarts.
 */
@Component
public class EventRetries {

    private static final Logger log = LoggerFactory.getLogger(EventRetries.class);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration retryAfter;
    private final Duration giveUpAfter;

    EventRetries(
            IncompleteEventPublications incomplete,
            Clock clock,
            @Value("${ocop.events.retry-after:PT5M}") Duration retryAfter,
            @Value("${ocop.events.give-up-after:P3D}") Duration giveUpAfter) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.retryAfter = retryAfter;
        this.giveUpAfter = giveUpAfter;
    }

    @Scheduled(
            fixedDelayString = "${ocop.events.retry-every:PT5M}",
            initialDelayString = "${ocop.events.retry-every:PT5M}")
    @SchedulerLock(name = "event-publication-retries", lockAtLeastFor = "PT1M", lockAtMostFor = "PT15M")
    void retryIncomplete() {
        resubmitDue(Instant.now(clock));
    }

    /**
     * Resubmits the incomplete publications published between {@code now - give-up-after} and
     * {@code now - retry-after}.
     *
     * @return how many were resubmitted
     */
    public int resubmitDue(Instant now) {
        Instant newest = now.minus(retryAfter);
        Instant oldest = now.minus(giveUpAfter);
        AtomicInteger due = new AtomicInteger();
        incomplete.resubmitIncompletePublications(publication -> {
            Instant published = publication.getPublicationDate();
            boolean retry = published.isBefore(newest) && published.isAfter(oldest);
            if (retry) {
                due.incrementAndGet();
            }
            return retry;
        });
        if (due.get() > 0) {
            log.info("Resubmitted {} incomplete event publication(s)", due.get());
        }
        return due.get();
    }
}
