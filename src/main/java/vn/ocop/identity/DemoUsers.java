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
 * Demo accounts for the default run (never in {@code prod}): every role, with jurisdictions in three provinces, the
 * two councillors of the Đồng Tháp demo round and the accounts of its two producers (found by tax code, so this runs
 * after the product module's demo registry). Deterministic and idempotent: existing usernames are left alone. All
 * share {@link #PASSWORD}; see docs/demo-data.md.
 */
@Component
@Order(25)
@ConditionalOnBooleanProperty(name = "ocop.demo-data.enabled")
public class DemoUsers implements ApplicationRunner {

    static final String PASSWORD = "Demo-ocop-2026";
    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);
    private static final CurrentUser SYSTEM = CurrentUser.SYSTEM;

    /** @param producerTaxCode the producer a producer account acts for */
    record DemoUser(
            String username,
            String name,
            Role role,
            @Nullable String jurisdiction,
            @Nullable String producerTaxCode) {

        DemoUser(String username, String name, Role role, @Nullable String jurisdiction) {
            this(username, name, role, jurisdiction, null);
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("vpdp.trunguong", "Trần Thị Hồng (VPĐP NTM Trung ương)", Role.CENTRAL_OFFICE, null),
            new DemoUser("dongthap.tinh", "Nguyễn Văn Phúc (Sở NN&MT Đồng Tháp)", Role.PROVINCE_OFFICER, "82"),
            new DemoUser("hanoi.tinh", "Lê Minh Tuấn (VPĐP NTM Hà Nội)", Role.PROVINCE_OFFICER, "01"),
            new DemoUser("lamdong.tinh", "K'Brơi Thị Mai (Sở NN&MT Lâm Đồng)", Role.PROVINCE_OFFICER, "68"),
            new DemoUser("caolanh.xa", "Phạm Thị Thu (UBND phường Cao Lãnh)", Role.COMMUNE_OFFICER, "29869"),
            new DemoUser("sadec.xa", "Võ Thanh Bình (UBND phường Sa Đéc)", Role.COMMUNE_OFFICER, "29905"),
            new DemoUser("badinh.xa", "Đỗ Quang Huy (UBND phường Ba Đình)", Role.COMMUNE_OFFICER, "00004"),
            new DemoUser("hoidong.dongthap", "Huỳnh Ngọc Lan (Hội đồng OCOP Đồng Tháp)", Role.COUNCIL_MEMBER, "82"),
            new DemoUser("hoidong2.dongthap", "Nguyễn Hoàng Nam (Hội đồng OCOP Đồng Tháp)", Role.COUNCIL_MEMBER, "82"),
            new DemoUser("hoidong.trunguong", "Đặng Thu Trang (Hội đồng OCOP Trung ương)", Role.COUNCIL_MEMBER, null),
            // Tax codes of the product module's DemoRegistry (CYCLE_COOPERATIVE_TAX_CODE, CYCLE_COMPANY_TAX_CODE).
            new DemoUser("htx.mytra", "Lê Văn Mười (HTX Nông nghiệp Mỹ Trà)", Role.PRODUCER, null, "8299000001"),
            new DemoUser(
                    "senhong.caolanh", "Trần Thị Ngọc Hân (Công ty TNHH Sen Hồng)", Role.PRODUCER, null, "8299000002"));

    private final UserAccounts accounts;
    private final UserAccountRepository repository;
    private final ProducerDirectory producers;

    DemoUsers(UserAccounts accounts, UserAccountRepository repository, ProducerDirectory producers) {
        this.accounts = accounts;
        this.repository = repository;
        this.producers = producers;
    }

    @Override
    public void run(ApplicationArguments args) {
        int created = 0;
        for (DemoUser user : USERS) {
            if (repository.existsByUsername(user.username())) {
                continue;
            }
            Long producerId = null;
            if (user.producerTaxCode() != null) {
                producerId = producers.idOfTaxCode(user.producerTaxCode()).orElse(null);
                if (producerId == null) {
                    log.warn("Demo data: no producer with tax code {} for {}", user.producerTaxCode(), user.username());
                    continue;
                }
            }
            accounts.createDemo(
                    new CreateUser(
                            user.username(), user.name(), null, user.role(), user.jurisdiction(), PASSWORD, producerId),
                    SYSTEM);
            created++;
        }
        if (created > 0) {
            log.info("Demo data: {} demo accounts created (password {}), see docs/demo-data.md", created, PASSWORD);
        }
    }

    /**
     * A demo producer account for another module's demo data (with the published demo password, which the password
     * policy refuses for real accounts: this bean exists only when the demo data is on).
     */
    public void producerAccount(String username, String name, long producerId) {
        accounts.createDemo(new CreateUser(username, name, null, Role.PRODUCER, null, PASSWORD, producerId), SYSTEM);
    }
}
