package vn.ocop.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import vn.ocop.TestUsers;
import vn.ocop.identity.CreateUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.NotificationMessage;
import vn.ocop.notification.Notifications;

/** The unread count in the menu, the inbox, and "mark as read" without leaving the page (htmx). */
class NotificationBrowserTests extends BrowserTest {

    private static final String PASSWORD = "Thong-bao-2026!";

    @Autowired
    UserAccounts users;

    @Autowired
    Notifications notifications;

    /*
     * The officer sits in Cao Bằng (04), a province no other test or demo data works in: workflow notices go to every
     * officer of a province, and one delivered late by another test's asynchronous listener changed the count here.
     */
    @Test
    void theMenuCountsUnreadNotificationsAndMarkingOneReadUpdatesIt() throws Exception {
        UserSummary officer = users.create(
                new CreateUser("bt.thongbao", "Cán bộ nhận thông báo", null, Role.PROVINCE_OFFICER, "04", PASSWORD),
                TestUsers.admin());
        for (String[] c : List.of(
                new String[] {"04-26-C3D4E-F5G6H", "Mắm cá linh Tháp Mười", "10/03/2029", "180"},
                new String[] {"04-26-J7K8M-N9P0Q", "Bánh pía Sa Đéc", "12/06/2029", "120"})) {
            notifications.send(
                    List.of(officer.id()),
                    new NotificationMessage(
                            "reminder.certificateExpiry.title." + c[3],
                            "reminder.certificateExpiry.body." + c[3],
                            List.of(c),
                            "/certificates/" + c[0]));
        }

        login("bt.thongbao", PASSWORD);
        waitFor(ExpectedConditions.textMatches(By.cssSelector("#unread-badge .badge"), Pattern.compile("^2\\b.*")));

        browser.findElement(By.cssSelector("a[href='/notifications']")).click();
        waitFor(ExpectedConditions.urlContains("/notifications"));
        assertThat(browser.findElements(By.cssSelector(".notification.unread"))).hasSize(2);
        assertThat(browser.findElement(By.cssSelector(".notification strong")).getText())
                .isEqualTo("Nhắc lại: giấy chứng nhận OCOP 04-26-J7K8M-N9P0Q còn 120 ngày hiệu lực");
        screenshotFullPage("notifications-inbox");

        browser.findElement(By.cssSelector(".notification .notification-mark-read"))
                .click();
        waitFor(ExpectedConditions.numberOfElementsToBe(By.cssSelector(".notification.unread"), 1));
        waitFor(ExpectedConditions.textMatches(By.cssSelector("#unread-badge .badge"), Pattern.compile("^1\\b.*")));
        assertThat(browser.findElement(By.id("unread-summary")).getText()).isEqualTo("Bạn có 1 thông báo chưa đọc.");
        assertThat(browser.getCurrentUrl()).endsWith("/notifications");
        screenshotFullPage("notifications-one-read");

        // Opening the unread one goes where it points and marks it read: nothing is left waiting.
        browser.findElement(By.cssSelector(".notification.unread .notification-open"))
                .click();
        waitFor(ExpectedConditions.urlContains("/certificates/04-26-C3D4E-F5G6H"));
        browser.get(url("/notifications"));
        waitFor(ExpectedConditions.textMatches(By.id("unread-summary"), Pattern.compile(".+")));
        assertThat(present(By.cssSelector(".notification.unread"))).isEmpty();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#unread-badge:not([hx-get])")));
        assertThat(present(By.cssSelector("#unread-badge .badge"))).isEmpty();

        browser.findElement(By.linkText("Xem chi tiết")).click();
        waitFor(ExpectedConditions.urlContains("/certificates/04-26-J7K8M-N9P0Q"));
    }
}
