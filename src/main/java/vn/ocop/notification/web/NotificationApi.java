package vn.ocop.notification.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import vn.ocop.identity.CurrentUser;
import vn.ocop.notification.NotificationView;
import vn.ocop.notification.Notifications;
import vn.ocop.shared.PageResult;

/** The caller's own notifications; another user's notification id answers 404. */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Thông báo của người dùng")
@SecurityRequirement(name = "bearer")
class NotificationApi {

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first, in the Accept-Language")
    PageResult<NotificationView> list(
            @RequestParam(defaultValue = "0") @Min(0) @Max(100000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size,
            CurrentUser reader) {
        return notifications.inbox(reader, page, size);
    }

    @GetMapping("/unread-count")
    @Operation(summary = "How many of the caller's notifications are unread")
    Map<String, Long> unreadCount(CurrentUser reader) {
        return Map.of("unread", notifications.unreadCount(reader));
    }

    @PostMapping("/{id}/read")
    @Operation(summary = "Mark one of the caller's notifications read (404 when it is not the caller's)")
    NotificationView markRead(@PathVariable long id, CurrentUser reader) {
        return notifications.markRead(id, reader);
    }
}
