package vn.ocop.trade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.workspace.DashboardSection;
import vn.ocop.workspace.WorkItem;
import vn.ocop.workspace.WorkQueue;

/**
 * Trade promotion on the dashboard: a producer's unanswered buyer inquiries in its work queue; the year's inquiry
 * counts for province officers (their province) and the central office (every province).
 */
@Component
class TradeWork implements WorkQueue, DashboardSection {

    private final BuyerInquiries inquiries;
    private final Clock clock;

    TradeWork(BuyerInquiries inquiries, Clock clock) {
        this.inquiries = inquiries;
        this.clock = clock;
    }

    @Override
    public List<WorkItem> itemsFor(CurrentUser user) {
        return inquiries.waitingFor(user).stream()
                .map(i -> new WorkItem(
                        "work.inquiry.answer",
                        List.of(i.organisation() == null ? i.buyerName() : i.organisation()),
                        i.subject() + " — " + i.quantity(),
                        "/inquiries/" + i.id(),
                        i.createdAt(),
                        null,
                        null))
                .toList();
    }

    @Override
    public Optional<Section> sectionFor(CurrentUser user) {
        if (user.role() != Role.PROVINCE_OFFICER && user.role() != Role.CENTRAL_OFFICE) {
            return Optional.empty();
        }
        int year = LocalDate.now(clock).getYear();
        return Optional.of(
                new Section(50, "trade/dashboard-section", Map.of("figures", inquiries.figures(user, year))));
    }
}
