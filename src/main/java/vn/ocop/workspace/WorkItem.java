package vn.ocop.workspace;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One thing waiting for a person: a dossier to check, a sheet to score, a certificate to renew.
 *
 * @param kind message key naming the kind of work ({@code work.dossier.check}), shown as the item's label and used to
 *     group and count; its text may use {@code arguments}
 * @param arguments arguments of the {@code kind} text, already in the data's language (a product's name)
 * @param subject what the work is about, as the person knows it (product and producer), shown beside the label
 * @param link the page where the person does the work (a path of this application, starting with {@code /})
 * @param since when the work started waiting (oldest first)
 * @param deadline the last day to do it, when a rule sets one; {@code null} when none
 * @param note a detail the person needs to act (a return reason), or {@code null}
 */
public record WorkItem(
        String kind,
        List<String> arguments,
        String subject,
        String link,
        Instant since,
        @Nullable LocalDate deadline,
        @Nullable String note) {

    public WorkItem {
        arguments = List.copyOf(arguments);
        if (!link.startsWith("/")) {
            throw new IllegalArgumentException("a work item links to a page of this application: " + link);
        }
    }

    /** Whether the deadline has passed on {@code today} (work due today is not yet overdue). */
    public boolean overdueOn(LocalDate today) {
        return deadline != null && deadline.isBefore(today);
    }
}
