package vn.ocop.workspace;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.ocop.identity.CurrentUser;

/**
 * Gathers a person's work from every module's {@link WorkQueue}, oldest first (overdue work first among equals), and
 * the dashboard sections of every module.
 */
@Service
public class Workspace {

    private static final Comparator<WorkItem> OLDEST_FIRST =
            Comparator.comparing(WorkItem::since).thenComparing(WorkItem::link);

    private final List<WorkQueue> queues;
    private final List<DashboardSection> sections;
    private final Clock clock;

    Workspace(List<WorkQueue> queues, List<DashboardSection> sections, Clock clock) {
        this.queues = queues;
        this.sections = sections;
        this.clock = clock;
    }

    /** What waits for the user, oldest first. */
    public List<WorkItem> workFor(CurrentUser user) {
        return queues.stream()
                .flatMap(queue -> queue.itemsFor(user).stream())
                .sorted(OLDEST_FIRST)
                .toList();
    }

    /** How many things wait for the user (the menu's count). */
    public int countFor(CurrentUser user) {
        return queues.stream().mapToInt(queue -> queue.countFor(user)).sum();
    }

    /** The dashboard sections for the user, in their order. */
    public List<DashboardSection.Section> sectionsFor(CurrentUser user) {
        return sections.stream()
                .map(section -> section.sectionFor(user))
                .flatMap(Optional::stream)
                .sorted(Comparator.comparingInt(DashboardSection.Section::order))
                .toList();
    }

    /** Today in Vietnam, for overdue flags. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
