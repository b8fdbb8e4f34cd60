package vn.ocop.evaluation;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.ocop.evaluation.criteria.CriteriaSetDefinition;
import vn.ocop.evaluation.criteria.CriteriaSetParser;

/**
 * Loads the criteria sets shipped in {@code db/data/criteria} (all 26 of 26/2026, set 1 of 148/2023; sources in the
 * README there) into {@code criteria_set}. Each file is parsed and checked before it is stored.
 */
@Component
class V21__LoadCriteriaSets extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        try (PreparedStatement insert = context.getConnection()
                .prepareStatement("INSERT INTO criteria_set (version, set_no, name, knockout, max_points, definition)"
                        + " VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb))")) {
            for (String pattern :
                    new String[] {"classpath:db/data/criteria/26-2026/*.json", "classpath:db/data/criteria/*.json"}) {
                for (Resource resource : resolver.getResources(pattern)) {
                    String json = resource.getContentAsString(StandardCharsets.UTF_8);
                    CriteriaSetDefinition set = CriteriaSetParser.parse(json);
                    CriteriaValidation.check(set);
                    insert.setString(1, set.version());
                    insert.setInt(2, set.setNo());
                    insert.setString(3, set.name());
                    insert.setString(4, set.knockout());
                    insert.setBigDecimal(5, set.maxPoints());
                    insert.setString(6, json);
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }
}
