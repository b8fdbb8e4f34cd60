package vn.ocop.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** The default run's demo registry: a few hundred products of every producer type in several provinces. */
// Its own database in the test cluster, so the demo data never shows up in other tests' results.
@SpringBootTest(properties = {"ocop.demo-data.enabled=true", "ocop.embedded-db.database=ocop_demo"})
@ActiveProfiles("test")
class DemoRegistryIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DemoRegistry demo;

    @Test
    void demoRegistryCoversProvincesGroupsTypesAndRatings() throws Exception {
        long before = count("SELECT count(*) FROM product");
        demo.run(null); // a second start must not add anything
        assertThat(count("SELECT count(*) FROM product")).isEqualTo(before);

        assertThat(count("SELECT count(*) FROM producer WHERE tax_code LIKE '82000%'"))
                .isEqualTo(60);
        assertThat(count("SELECT count(DISTINCT legal_type) FROM producer WHERE tax_code LIKE '82000%'"))
                .isEqualTo(5);
        List<Map<String, Object>> products = jdbc.sql(
                        "SELECT p.* FROM product p JOIN producer r ON r.id = p.producer_id WHERE r.tax_code LIKE '82000%'")
                .query()
                .listOfRows();
        assertThat(products.size()).isBetween(200, 400);
        assertThat(products.stream().map(p -> p.get("province_code")).distinct())
                .hasSize(6);
        assertThat(products.stream()
                        .map(p -> p.get("criteria_set_no"))
                        .distinct()
                        .count())
                .isGreaterThanOrEqualTo(15);
        assertThat(products.stream().filter(p -> p.get("star") != null).count()).isGreaterThan(products.size() / 2);
        assertThat(products.stream().filter(p -> Integer.valueOf(5).equals(p.get("star"))))
                .isNotEmpty();
        // Every certified product has its certificate and OCOP code (T-X-STT-year).
        assertThat(products.stream().filter(p -> p.get("star") != null && (Integer) p.get("star") >= 3))
                .allSatisfy(p -> {
                    assertThat(p.get("certificate_number")).isNotNull();
                    assertThat((String) p.get("ocop_code")).matches("\\d{2}-\\d{5}-\\d{3}-\\d{4}");
                    // Issued within the last 36 months: in force on the day the demo data is made (the nightly
                    // expiry of imported ratings would otherwise take their stars at once).
                    assertThat(((java.sql.Date) p.get("certificate_expires_on")).toLocalDate())
                            .isAfterOrEqualTo(java.time.LocalDate.now(vn.ocop.shared.OcopClock.VIETNAM));
                });
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
