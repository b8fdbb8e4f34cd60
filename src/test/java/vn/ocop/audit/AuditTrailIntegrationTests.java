package vn.ocop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.ocop.IntegrationTest;

/** The audit trail can only grow: the database itself refuses updates, deletes and truncation. */
@IntegrationTest
class AuditTrailIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Test
    void bootstrapOfTheFirstAdministratorIsAudited() {
        Long entries = jdbc.sql(
                        "SELECT count(*) FROM audit_event WHERE action = 'user.created' AND object_id = 'admin'")
                .query(Long.class)
                .single();
        assertThat(entries).isEqualTo(1);
    }

    @Test
    void updatesDeletesAndTruncationAreRefused() {
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone-else'")
                        .update())
                .hasStackTraceContaining("audit_event is append-only (UPDATE refused)");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
                .hasStackTraceContaining("audit_event is append-only (DELETE refused)");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .hasStackTraceContaining("audit_event is append-only (TRUNCATE refused)");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'someone-else'")
                        .query(Long.class)
                        .single())
                .isZero();
    }
}
