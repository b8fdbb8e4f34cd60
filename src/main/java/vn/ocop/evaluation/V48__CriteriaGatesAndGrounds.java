package vn.ocop.evaluation;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import vn.ocop.evaluation.criteria.CriteriaRules;
import vn.ocop.evaluation.criteria.CriteriaSetParser;

/**
 * Writes the grounds of exclusion and the gates printed around the scoresheets of Decision 26/2026/QĐ-TTg
 * ({@code db/data/criteria/rules/26-2026.json}) into the stored sets of version {@code 26-2026}, so that the engine
 * stops where a note says the evaluation stops and a knock-out names one of the set's own grounds.
 */
@Component
class V48__CriteriaGatesAndGrounds extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        String rules =
                new ClassPathResource("db/data/criteria/rules/26-2026.json").getContentAsString(StandardCharsets.UTF_8);
        Map<Integer, String> updated = new LinkedHashMap<>();
        try (PreparedStatement select = context.getConnection()
                        .prepareStatement(
                                "SELECT set_no, definition::text FROM criteria_set WHERE version = '26-2026'");
                ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                String definition = CriteriaRules.apply(rs.getString(2), rules);
                CriteriaValidation.check(CriteriaSetParser.parse(definition));
                updated.put(rs.getInt(1), definition);
            }
        }
        try (PreparedStatement update = context.getConnection()
                .prepareStatement("UPDATE criteria_set SET definition = CAST(? AS jsonb)"
                        + " WHERE version = '26-2026' AND set_no = ?")) {
            for (Map.Entry<Integer, String> e : updated.entrySet()) {
                update.setString(1, e.getValue());
                update.setInt(2, e.getKey());
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
