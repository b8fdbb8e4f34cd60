package vn.ocop.evaluation;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import vn.ocop.shared.OcopException;

/**
 * When a re-evaluation dossier may be filed (Decision 26/2026/QĐ-TTg): from 180 to 120 days before the certificate
 * expires (Art. 7.6.a); filed later, it is still taken and the certificate stays in force until the result, at most
 * 180 days after expiry (Art. 12.3), so a dossier filed up to that day is taken too. Never for a product that has had
 * no certificate.
 */
final class ReevaluationWindow {

    static final int OPENS_DAYS_BEFORE = 180;
    static final int CLOSES_DAYS_BEFORE = 120;
    static final int EXTENSION_DAYS_AFTER = 180;

    private ReevaluationWindow() {}

    /** How a filing on {@code today} stands against the certificate expiring on {@code expiresOn}. */
    enum Filing {
        /** Within Art. 7.6.a. */
        ON_TIME,
        /** After the window: taken, with the certificate extended while it is processed (Art. 12.3). */
        LATE
    }

    /**
     * @param expiresOn the expiry of the product's last certificate, {@code null} when it has had none
     * @throws OcopException {@code EVAL-037} without a certificate, {@code EVAL-038} too early, {@code EVAL-039} too late
     */
    static Filing check(@Nullable LocalDate expiresOn, LocalDate today) {
        if (expiresOn == null) {
            throw new OcopException(EvaluationError.NOTHING_TO_REEVALUATE);
        }
        LocalDate opens = expiresOn.minusDays(OPENS_DAYS_BEFORE);
        if (today.isBefore(opens)) {
            throw new OcopException(EvaluationError.REEVALUATION_TOO_EARLY, day(opens), day(expiresOn));
        }
        if (today.isAfter(expiresOn.plusDays(EXTENSION_DAYS_AFTER))) {
            throw new OcopException(EvaluationError.REEVALUATION_TOO_LATE, day(expiresOn));
        }
        return today.isAfter(expiresOn.minusDays(CLOSES_DAYS_BEFORE)) ? Filing.LATE : Filing.ON_TIME;
    }

    /** Whether a certificate expired on {@code expiresOn} is still within the extension of Art. 12.3 on {@code today}. */
    static boolean withinExtension(LocalDate expiresOn, LocalDate today) {
        return !today.isAfter(expiresOn.plusDays(EXTENSION_DAYS_AFTER));
    }

    private static String day(LocalDate date) {
        return date.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
    }
}
