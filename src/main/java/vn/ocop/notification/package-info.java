/**
 * In-app notifications for users (an inbox with read marks and an unread count) and their e-mail copies, sent after
 * the notifying transaction commits; other modules decide whom to tell what.
 */
@NullMarked
@ApplicationModule(displayName = "Notification")
package vn.ocop.notification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
