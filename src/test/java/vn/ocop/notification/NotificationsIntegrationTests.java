package vn.ocop.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.ocop.TestUsers.as;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.RegistryFixtures;
import vn.ocop.TestUsers;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;

/** The inbox: each user sees and marks only their own notifications, in pages and through the API. */
@IntegrationTest
class NotificationsIntegrationTests {

    private static final AtomicInteger SEQ = new AtomicInteger();

    @Autowired
    Notifications notifications;

    @Autowired
    UserAccounts users;

    @Autowired
    MockMvc mvc;

    @Test
    void theApiListsOnlyTheCallersNotificationsNewestFirstAndMarksOnlyThoseRead() throws Exception {
        CurrentUser lan = user();
        CurrentUser minh = user();
        notifications.send(List.of(lan.id()), reminder("82-26-AAAAA-00001", "Mắm cá linh", "10/03/2029", "180"));
        notifications.send(
                List.of(lan.id(), minh.id(), lan.id()), reminder("82-26-AAAAA-00002", "Bánh pía", "11/03/2029", "120"));
        long lansNewest = notifications.inbox(lan, 0, 10).items().get(0).id();
        long minhs = notifications.inbox(minh, 0, 10).items().get(0).id();

        mvc.perform(get("/api/v1/notifications").with(as(lan)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(2))
                .andExpect(jsonPath("$.items[0].id").value(lansNewest))
                .andExpect(jsonPath("$.items[0].title")
                        .value("Nhắc lại: giấy chứng nhận OCOP 82-26-AAAAA-00002 còn 120 ngày hiệu lực"))
                .andExpect(jsonPath("$.items[0].link").value("/certificates/82-26-AAAAA-00002"))
                .andExpect(jsonPath("$.items[1].body", containsString("Mắm cá linh")))
                .andExpect(jsonPath("$.items[1].body", containsString("10/03/2029")));
        mvc.perform(get("/api/v1/notifications").with(as(lan)).header("Accept-Language", "en"))
                .andExpect(jsonPath("$.items[1].title")
                        .value("OCOP certificate 82-26-AAAAA-00001: 180 days of validity left"));
        mvc.perform(get("/api/v1/notifications").with(as(minh)))
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.items[0].id").value(minhs));
        mvc.perform(get("/api/v1/notifications/unread-count").with(as(lan)))
                .andExpect(jsonPath("$.unread").value(2));

        // Someone else's notification does not exist for the caller.
        mvc.perform(post("/api/v1/notifications/" + minhs + "/read").with(as(lan)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOTIF-001"));
        mvc.perform(post("/api/v1/notifications/999999999/read").with(as(lan)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOTIF-001"));
        assertThat(notifications.unreadCount(minh)).isEqualTo(1);

        mvc.perform(post("/api/v1/notifications/" + lansNewest + "/read").with(as(lan)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAt").exists());
        var readAt = notifications.inbox(lan, 0, 10).items().get(0).readAt();
        notifications.markRead(lansNewest, lan); // again: the first time is kept
        assertThat(notifications.inbox(lan, 0, 10).items().get(0).readAt()).isEqualTo(readAt);
        assertThat(notifications.unreadCount(lan)).isEqualTo(1);
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/v1/notifications"))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("COMMON-005"));
        mvc.perform(get("/api/v1/notifications/unread-count")).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/notifications/1/read")).andExpect(status().isUnauthorized());
        mvc.perform(get("/notifications")).andExpect(status().is3xxRedirection());
    }

    @Test
    void openingANotificationGoesWhereItPointsAndMarksItRead() throws Exception {
        CurrentUser lan = user();
        CurrentUser minh = user();
        long id = lastDayNotice(lan, "82-26-BBBBB-00003", "Mứt sen", "03/02/2029");

        mvc.perform(post("/notifications/" + id + "/open").with(as(minh)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + id + "/open").with(as(lan))).andExpect(status().isForbidden()); // no CSRF
        assertThat(notifications.unreadCount(lan)).isEqualTo(1);

        mvc.perform(post("/notifications/" + id + "/open").with(as(lan)).with(csrf()))
                .andExpect(redirectedUrl("/certificates/82-26-BBBBB-00003"));
        assertThat(notifications.unreadCount(lan)).isZero();
        mvc.perform(get("/notifications").with(as(lan)))
                .andExpect(content().string(containsString("href=\"/certificates/82-26-BBBBB-00003\"")))
                .andExpect(content().string(not(containsString("/open\""))));
    }

    @Test
    void theInboxPageMarksReadAndTheMenuShowsTheUnreadCount() throws Exception {
        CurrentUser lan = user();
        CurrentUser minh = user();
        long id = lastDayNotice(lan, "82-26-BBBBB-00001", "Trà sen", "01/02/2029");

        mvc.perform(get("/notifications").with(as(lan)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Giấy chứng nhận OCOP 82-26-BBBBB-00001 hết hiệu lực")))
                .andExpect(content().string(containsString("Bạn có 1 thông báo chưa đọc.")))
                .andExpect(content().string(containsString("action=\"/notifications/" + id + "/open\"")))
                .andExpect(content().string(containsString("Đánh dấu đã đọc")))
                .andExpect(content().string(containsString("hx-get=\"/notifications/badge\"")));
        mvc.perform(get("/notifications/badge").with(as(lan)))
                .andExpect(content().string(containsString("class=\"badge unread\"")))
                .andExpect(content().string(containsString(">1<")));
        mvc.perform(get("/notifications").with(as(minh)))
                .andExpect(content().string(containsString("Chưa có thông báo nào.")))
                .andExpect(content().string(not(containsString("82-26-BBBBB-00001"))));

        mvc.perform(post("/notifications/" + id + "/read").with(as(minh)).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/notifications/" + id + "/read").with(as(lan))).andExpect(status().isForbidden()); // no CSRF
        mvc.perform(post("/notifications/" + id + "/read").with(as(lan)).with(csrf()))
                .andExpect(redirectedUrl("/notifications"));
        mvc.perform(get("/notifications/badge").with(as(lan)))
                .andExpect(content().string(not(containsString("badge unread"))));

        long second = lastDayNotice(lan, "82-26-BBBBB-00002", "Hạt sen", "02/02/2029");
        mvc.perform(post("/notifications/" + second + "/read")
                        .with(as(lan))
                        .with(csrf())
                        .header("HX-Request", "true"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"notification-" + second + "\"")))
                .andExpect(content().string(not(containsString("Đánh dấu đã đọc"))))
                .andExpect(
                        content().string(containsString("id=\"unread-summary\" class=\"muted\" hx-swap-oob=\"true\"")))
                .andExpect(content().string(containsString("Bạn đã đọc hết thông báo.")))
                .andExpect(content().string(containsString("id=\"unread-badge\" hx-swap-oob=\"true\"")));
    }

    @Test
    void aNotificationLinksOnlyInsideTheApplication() {
        assertThatThrownBy(() -> new NotificationMessage("a.title", "a.body", List.of(), "https://example.com/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationMessage("a.title", "a.body", List.of(), "//example.com/x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotificationMessage("a.title", "a.body", List.of(), "/x\"><script>"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new NotificationMessage("a.title", "a.body", List.of(), "/certificates/82-26-AAAAA-BBBBB").link())
                .isEqualTo("/certificates/82-26-AAAAA-BBBBB");
    }

    private static NotificationMessage reminder(String number, String product, String lastDay, String threshold) {
        return new NotificationMessage(
                "reminder.certificateExpiry.title." + threshold,
                "reminder.certificateExpiry.body." + threshold,
                List.of(number, product, lastDay, threshold),
                "/certificates/" + number);
    }

    /** Sends the reader the "last day" notice of a certificate and returns its id (the newest in the inbox). */
    private long lastDayNotice(CurrentUser reader, String number, String product, String lastDay) {
        notifications.send(List.of(reader.id()), reminder(number, product, lastDay, "0"));
        return notifications.inbox(reader, 0, 1).items().get(0).id();
    }

    /**
     * A real account (notifications belong to stored users), an officer of a province no other test class works in
     * (96, Cà Mau): the classes running beside this one notify the officers of their provinces, which would add to
     * the counts of its inbox.
     */
    private CurrentUser user() {
        String username = "thong-bao-" + SEQ.incrementAndGet() + "-" + System.nanoTime() % 100_000;
        UserSummary created = users.create(
                new CreateUser(
                        username,
                        "Người dùng " + username,
                        null,
                        Role.PROVINCE_OFFICER,
                        RegistryFixtures.CA_MAU,
                        "Mat-khau-2026!"),
                TestUsers.admin());
        return new CurrentUser(
                created.id(), created.username(), created.displayName(), created.role(), RegistryFixtures.CA_MAU, null);
    }
}
