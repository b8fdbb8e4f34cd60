package vn.ocop.traceability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import vn.ocop.IntegrationTest;
import vn.ocop.shared.OcopException;

/**
 * The scan log as a whole: unknown and malformed codes get a friendly 404 and are logged (counted over the whole log:
 * such scans carry no stamp to tell them apart by), and a scan the log cannot take is still answered (its writer
 * stopped, which would leave other classes' scans unlogged meanwhile). So this class runs alone.
 */
@IntegrationTest
@org.junit.jupiter.api.parallel.Isolated("counts every unknown and malformed scan, and stops the scan log's writer")
class ScanLogAloneIntegrationTests {

    @Autowired
    TraceFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    PublicTrace trace;

    @Autowired
    ScanLog scanLog;

    @Test
    void unknownAndMalformedCodesGetAFriendly404AndAreLogged() throws Exception {
        StampCode unknown = StampCode.of(StampCodes.generate(1));
        long before = scans("UNKNOWN") + scans("MALFORMED");
        mvc.perform(get("/t/" + unknown.text()).accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("Không tìm thấy tem")))
                .andExpect(content().string(containsString("Tem có thể là tem giả")))
                .andExpect(content().string(not(containsString("Exception"))));
        for (String malformed :
                List.of("12345", "<script>alert(1)</script>", "ABC-123-XYZ-000", "A".repeat(300), "' OR 1=1 --")) {
            mvc.perform(get("/t/{code}", malformed).accept(MediaType.TEXT_HTML))
                    .andDo(r -> System.out.println("MALFORMED " + malformed.length() + " -> "
                            + r.getResponse().getStatus() + " "
                            + r.getResponse().getContentAsString().length()))
                    .andExpect(status().isNotFound())
                    .andExpect(content().string(containsString("không phải mã tem truy xuất OCOP")))
                    .andExpect(content().string(not(containsString("<script>alert"))));
        }
        mvc.perform(get("/t").param("code", "Mã tem số 12").accept(MediaType.TEXT_HTML))
                .andExpect(status().isNotFound())
                .andExpect(content().string(containsString("không phải mã tem truy xuất OCOP")));
        mvc.perform(get("/t").param("code", unknown.grouped().toLowerCase()))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/t/" + unknown.text()));
        // An encoded percent sign is refused by the firewall before any controller: a 400, not a 5xx.
        mvc.perform(get("/t/{code}", "%00")).andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/stamps/" + unknown.text()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.code").value("TRC-013"));
        mvc.perform(get("/api/v1/stamps/not-a-code"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("TRC-014"));
        assertThat(scans("UNKNOWN") + scans("MALFORMED") - before).isEqualTo(9);
    }

    /**
     * A scan that cannot be logged (here: the log's writer stopped, as when the node shuts down) is still answered:
     * the stamp is looked up on the request's thread and the answer has no scan id; an unknown code is still a 404.
     */
    @Test
    void aScanThatCannotBeLoggedIsAnsweredWithoutAScanId() {
        LotView lot = fixtures.lot(fixtures.certifiedProduct("Mật ong bạc hà không ghi nhật ký"), null);
        StampCode code = fixtures.codes(fixtures.activeBatch(lot.id(), 2).id()).get(0);
        StampCode unknown = StampCode.of(StampCodes.generate(1));
        scanLog.stop();
        try {
            PublicTrace.StampScan scan = trace.scan(code.text(), PublicTrace.Channel.API, "curl/8", null, null);
            assertThat(scan.scanId()).isNull();
            assertThat(scan.outcome()).isEqualTo(ScanOutcome.GENUINE);
            assertThat(scan.lot().lotNumber()).isEqualTo(lot.lotNumber());
            assertThatThrownBy(() -> trace.scan(unknown.text(), PublicTrace.Channel.API, "curl/8", null, null))
                    .isInstanceOfSatisfying(
                            OcopException.class,
                            e -> assertThat(e.errorCode()).isEqualTo(TraceabilityError.STAMP_NOT_FOUND));
        } finally {
            scanLog.start();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM scan WHERE code IN (?, ?)")
                        .params(code.bytes(), unknown.bytes())
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(trace.scan(code.text(), PublicTrace.Channel.API, "curl/8", null, null)
                        .scanId())
                .as("logged again once the writer runs")
                .isNotNull();
    }

    private long scans(String outcome) {
        return jdbc.sql("SELECT count(*) FROM scan WHERE outcome = ?")
                .param(outcome)
                .query(Long.class)
                .single();
    }
}
