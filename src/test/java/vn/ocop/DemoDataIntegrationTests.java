package vn.ocop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every part of the default run's demo data is there after start (docs/demo-data.md). The demo runners log and go on
 * when a part fails, so that a demo never stops the application; this test is what notices. (The traceability demo was
 * once rolled back at every start, unnoticed: its producer account was refused by the password policy.)
 */
// The same context as DemoUsersIntegrationTests: the demo data in its own database of the test cluster.
@SpringBootTest(properties = {"ocop.demo-data.enabled=true", "ocop.embedded-db.database=ocop_demo"})
@ActiveProfiles("test")
@vn.ocop.LongRunning
class DemoDataIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyDemoRunnerLeftItsData() {
        // The certificate is issued once the council's result reaches certification (an event after commit).
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            assertThat(count("SELECT count(*) FROM producer")).as("producers").isGreaterThanOrEqualTo(60);
            assertThat(count("SELECT count(*) FROM product")).as("products").isGreaterThanOrEqualTo(298);
            assertThat(count("SELECT count(*) FROM evaluation_round"))
                    .as("rounds")
                    .isGreaterThanOrEqualTo(1);
            assertThat(count("SELECT count(*) FROM dossier"))
                    .as("dossiers of the demo round")
                    .isGreaterThanOrEqualTo(6);
            assertThat(count("SELECT count(*) FROM certificate WHERE status = 'VALID'"))
                    .as("the demo certificate")
                    .isGreaterThanOrEqualTo(1);
            assertThat(count("SELECT count(*) FROM lot"))
                    .as("traceability lots")
                    .isGreaterThanOrEqualTo(1);
            assertThat(count("SELECT count(*) FROM stamp"))
                    .as("traceability stamps")
                    .isGreaterThanOrEqualTo(1);
            assertThat(count("SELECT count(*) FROM point_of_sale"))
                    .as("points of sale")
                    .isGreaterThanOrEqualTo(1);
            assertThat(count("SELECT count(*) FROM fair")).as("fairs").isGreaterThanOrEqualTo(1);
        });
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
