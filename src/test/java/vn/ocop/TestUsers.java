package vn.ocop;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;

/** Users of each role for tests that call services or the API as someone, without going through login. */
public final class TestUsers {

    private static final AtomicLong IDS = new AtomicLong(1_000_000);

    private TestUsers() {}

    public static CurrentUser admin() {
        return user(Role.SYSTEM_ADMIN, null, null);
    }

    public static CurrentUser centralOffice() {
        return user(Role.CENTRAL_OFFICE, null, null);
    }

    public static CurrentUser provinceOfficer(String province) {
        return user(Role.PROVINCE_OFFICER, province, null);
    }

    public static CurrentUser communeOfficer(String commune) {
        return user(Role.COMMUNE_OFFICER, commune, null);
    }

    public static CurrentUser councilMember(String unit) {
        return user(Role.COUNCIL_MEMBER, unit, null);
    }

    public static CurrentUser producerAccount(long producerId) {
        return user(Role.PRODUCER, null, producerId);
    }

    private static CurrentUser user(Role role, String jurisdiction, Long producerId) {
        long id = IDS.incrementAndGet();
        return new CurrentUser(id, role.name().toLowerCase() + id, "Test " + role, role, jurisdiction, producerId);
    }

    /** Runs a MockMvc request as this user. */
    public static RequestPostProcessor as(CurrentUser user) {
        record Principal(CurrentUser currentUser) implements CurrentUser.HasCurrentUser {}
        return SecurityMockMvcRequestPostProcessors.authentication(new TestingAuthenticationToken(
                new Principal(user), null, "ROLE_" + user.role().name()));
    }
}
