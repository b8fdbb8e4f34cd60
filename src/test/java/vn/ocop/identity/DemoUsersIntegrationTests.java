package vn.ocop.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** The default run's demo accounts: created once, each with a valid jurisdiction, and able to log in. */
// Its own database in the test cluster, so the demo data never shows up in other tests' results.
@SpringBootTest(properties = {"ocop.demo-data.enabled=true", "ocop.embedded-db.database=ocop_demo"})
@ActiveProfiles("test")
class DemoUsersIntegrationTests {

    @Autowired
    DemoUsers demoUsers;

    @Autowired
    UserAccountRepository accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    org.springframework.security.authentication.AuthenticationManager authentication;

    @Test
    void everyDemoAccountExistsOnceWithItsRoleAndJurisdiction() throws Exception {
        demoUsers.run(null); // a second run (as on the next start) must not duplicate or fail
        for (DemoUsers.DemoUser demo : DemoUsers.USERS) {
            UserAccount account = accounts.findByUsername(demo.username()).orElseThrow();
            assertThat(account.role()).isEqualTo(demo.role());
            assertThat(account.jurisdictionCode()).isEqualTo(demo.jurisdiction());
        }
        var result = authentication.authenticate(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.unauthenticated(
                        "caolanh.xa", DemoUsers.PASSWORD));
        assertThat(CurrentUser.from(result))
                .isNotNull()
                .extracting(CurrentUser::jurisdictionCode)
                .isEqualTo("29869");
    }
}
