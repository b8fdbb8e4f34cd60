package vn.ocop.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.IntegrationTest;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;

/**
 * The attribution over the shipped mapping: every one of the 3,321 current communes counts for exactly one legacy
 * unit, and that unit's legacy province went into the commune's current province, so that the legacy provinces of a
 * merged province add up to it and the 63 add up to the nation.
 */
@IntegrationTest
class LegacyAttributionIntegrationTests {

    @Autowired
    LegacyAttribution attribution;

    @Autowired
    AdminUnits units;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCurrentCommuneCountsForOneLegacyUnitOfTheProvinceItWentInto() {
        Map<String, LegacyAttribution.Attribution> all = attribution.all();
        assertThat(all).hasSize(3321);
        all.values()
                .forEach(a -> assertThat(attribution.successorProvince(a.legacyProvince()))
                        .as("commune %s counted for legacy province %s", a.commune(), a.legacyProvince())
                        .isEqualTo(a.province()));
        assertThat(jdbc.sql("SELECT count(*) FROM report_commune")
                        .query(Long.class)
                        .single())
                .isEqualTo(3321);
        // Current Đồng Tháp (82) = legacy Tiền Giang (82) + legacy Đồng Tháp (87).
        long current = units.children(AdminEdition.CURRENT, "82").size();
        long fromTienGiang = attribution
                .communesOf(units.find(AdminEdition.LEGACY, "82").orElseThrow())
                .size();
        long fromDongThap = attribution
                .communesOf(units.find(AdminEdition.LEGACY, "87").orElseThrow())
                .size();
        assertThat(fromTienGiang).isPositive();
        assertThat(fromDongThap).isPositive();
        assertThat(fromTienGiang + fromDongThap).isEqualTo(current);
    }
}
