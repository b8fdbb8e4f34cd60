package vn.ocop.notification.web;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import vn.ocop.identity.CurrentUser;
import vn.ocop.notification.NotificationView;
import vn.ocop.notification.Notifications;

/**
 * The inbox of the logged-in user, newest first, with "mark as read" (with htmx the item, the summary and the menu
 * badge are swapped in place; without, a form post and a redirect), and the unread count shown next to the menu link
 * (loaded by htmx, so the pages of other modules need not know it).
 */
@Controller
class NotificationPages {

    private static final int PAGE_SIZE = 20;

    private final Notifications notifications;

    NotificationPages(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping("/notifications")
    String inbox(@RequestParam(defaultValue = "0") int page, CurrentUser reader, Model model) {
        model.addAttribute("result", notifications.inbox(reader, Math.max(0, Math.min(page, 100_000)), PAGE_SIZE));
        model.addAttribute("unread", notifications.unreadCount(reader));
        return "notifications/list";
    }

    @PostMapping("/notifications/{id}/read")
    String markRead(
            @PathVariable long id,
            @RequestParam(defaultValue = "0") int page,
            @RequestHeader(name = "HX-Request", required = false) @Nullable String htmx,
            CurrentUser reader,
            Model model) {
        NotificationView read = notifications.markRead(id, reader);
        if ("true".equals(htmx)) {
            model.addAttribute("n", read);
            model.addAttribute("page", page);
            model.addAttribute("unread", notifications.unreadCount(reader));
            return "notifications/fragments :: read";
        }
        return "redirect:/notifications" + (page > 0 ? "?page=" + page : "");
    }

    /**
     * Opens what a notification is about and marks it read on the way: what the reader went to see is no longer
     * waiting. Links are paths inside the application (NotificationMessage refuses anything else).
     */
    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id, CurrentUser reader) {
        NotificationView read = notifications.markRead(id, reader);
        return "redirect:" + (read.link() == null ? "/notifications" : read.link());
    }

    @GetMapping("/notifications/badge")
    String badge(CurrentUser reader, Model model) {
        model.addAttribute("unread", notifications.unreadCount(reader));
        return "notifications/fragments :: badge(oob=false)";
    }
}
