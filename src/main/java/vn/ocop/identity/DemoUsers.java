package vn.ocop.identity;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo accounts for the default run (never in {@code prod}): one per role, with jurisdictions in three provinces.
 * Deterministic and idempotent: existing usernames are left alone. All share {@link #PASSWORD}; see
 * docs/demo-data.md.
 */
@Component
@Order(10)
@ConditionalOnBooleanProperty(name = "ocop.demo-data.enabled")
class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "Demo-ocop-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    private static final CurrentUser SYSTEM = new CurrentUser(0, "system", "Hệ thống", Role.SYSTEM_ADMIN, null, null);

    record DemoUser(
            String username,
            String name,
            Role role,
            @Nullable String jurisdiction) {}

    static final List<DemoUser> USERS = List.of(
            new DemoUser("vpdp.trunguong", "Trần Thị Hồng (VPĐP NTM Trung ương)", Role.CENTRAL_OFFICE, null),
            new DemoUser("dongthap.tinh", "Nguyễn Văn Phúc (Sở NN&MT Đồng Tháp)", Role.PROVINCE_OFFICER, "82"),
            new DemoUser("hanoi.tinh", "Lê Minh Tuấn (VPĐP NTM Hà Nội)", Role.PROVINCE_OFFICER, "01"),
            new DemoUser("lamdong.tinh", "K'Brơi Thị Mai (Sở NN&MT Lâm Đồng)", Role.PROVINCE_OFFICER, "68"),
            new DemoUser("caolanh.xa", "Phạm Thị Thu (UBND phường Cao Lãnh)", Role.COMMUNE_OFFICER, "29869"),
            new DemoUser("sadec.xa", "Võ Thanh Bình (UBND phường Sa Đéc)", Role.COMMUNE_OFFICER, "29905"),
            new DemoUser("badinh.xa", "Đỗ Quang Huy (UBND phường Ba Đình)", Role.COMMUNE_OFFICER, "00004"),
            new DemoUser("hoidong.dongthap", "Huỳnh Ngọc Lan (Hội đồng OCOP Đồng Tháp)", Role.COUNCIL_MEMBER, "82"));

    private final UserAccounts accounts;
    private final UserAccountRepository repository;

    DemoUsers(UserAccounts accounts, UserAccountRepository repository) {
        this.accounts = accounts;
        this.repository = repository;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (DemoUser user : USERS) {
            if (!repository.existsByUsername(user.username())) {
                accounts.createDemo(
                        new CreateUser(user.username(), user.name(), null, user.role(), user.jurisdiction(), PASSWORD),
                        SYSTEM);
                created++;
            }
        }
        if (created > 0) {
            log.info("Demo data: {} demo accounts created (password {}), see docs/demo-data.md", created, PASSWORD);
        }
    }
}
