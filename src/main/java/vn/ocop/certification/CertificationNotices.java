package vn.ocop.certification;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import vn.ocop.certification.CertificationEvents.CertificateExpired;
import vn.ocop.certification.CertificationEvents.CertificateIssued;
import vn.ocop.certification.CertificationEvents.CertificateRevoked;
import vn.ocop.certification.CertificationEvents.CertificateStatusChanged;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.notification.NotificationMessage;
import vn.ocop.notification.Notifications;
import vn.ocop.product.ProductRegistry;
import vn.ocop.product.ProductView;

/**
 * Tells the producer's accounts and the commune's officers when a certificate of the producer's product is issued,
 * suspended, reinstated, revoked or expires, in the transaction of the change; each notification links to the
 * certificate.
 */
@Component
class CertificationNotices {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Notifications notifications;
    private final UserAccounts users;
    private final ProductRegistry products;

    CertificationNotices(Notifications notifications, UserAccounts users, ProductRegistry products) {
        this.notifications = notifications;
        this.users = users;
        this.products = products;
    }

    @EventListener
    void on(CertificateIssued issued) {
        tell(
                issued.productId(),
                issued.communeCode(),
                "issued",
                issued.number(),
                Integer.toString(issued.star()),
                DATE.format(issued.expiresOn()));
    }

    @EventListener
    void on(CertificateStatusChanged changed) {
        tell(changed.productId(), changed.communeCode(), changed.change(), changed.number(), changed.detail());
    }

    @EventListener
    void on(CertificateRevoked revoked) {
        tell(
                revoked.productId(),
                revoked.communeCode(),
                "revoked",
                revoked.number(),
                revoked.decision(),
                DATE.format(revoked.revokedOn()));
    }

    @EventListener
    void on(CertificateExpired expired) {
        tell(expired.productId(), expired.communeCode(), "expired", expired.number(), DATE.format(expired.expiredOn()));
    }

    private void tell(long productId, String communeCode, String what, String number, String... details) {
        ProductView product = products.lookup(productId).orElse(null);
        if (product == null) {
            return;
        }
        Set<Long> recipients = new LinkedHashSet<>();
        users.ofProducer(product.producerId()).forEach(u -> recipients.add(u.id()));
        users.withRole(Role.COMMUNE_OFFICER, communeCode).stream()
                .map(UserSummary::id)
                .forEach(recipients::add);
        if (recipients.isEmpty()) {
            return;
        }
        List<String> arguments = new java.util.ArrayList<>(List.of(product.name(), number));
        arguments.addAll(List.of(details));
        String key = what.replace('_', '-');
        notifications.send(
                recipients,
                new NotificationMessage(
                        "notify.certificate." + key + ".title",
                        "notify.certificate." + key + ".body",
                        arguments,
                        "/certificates/" + number));
    }
}
