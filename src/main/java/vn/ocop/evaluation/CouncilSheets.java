package vn.ocop.evaluation;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The council's sheets and conflict declarations of dossiers, as the scoring and the dossier's guards read them. */
@Component
class CouncilSheets {

    private static final TypeReference<Map<String, Integer>> CHOICES = new TypeReference<>() {};

    /** One member's sheet as stored. */
    record Sheet(long memberId, String memberName, String status, Map<String, Integer> choices, BigDecimal total) {}

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final EvaluationRounds rounds;

    CouncilSheets(JdbcClient jdbc, JsonMapper json, EvaluationRounds rounds) {
        this.jdbc = jdbc;
        this.json = json;
        this.rounds = rounds;
    }

    /** Whether the member declared a conflict of interest with the dossier's producer. */
    boolean conflicted(long dossierId, long userId) {
        return jdbc.sql("SELECT count(*) FROM conflict_declaration WHERE dossier_id = ? AND user_id = ? AND conflicted")
                        .params(dossierId, userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The round's members without a declared conflict with this dossier: those whose sheets count. */
    Set<Long> eligibleMembers(Dossier d) {
        Set<Long> conflicted = jdbc.sql("SELECT user_id FROM conflict_declaration WHERE dossier_id = ? AND conflicted")
                .param(d.id)
                .query(Long.class)
                .set();
        return rounds.members(d.roundId).stream()
                .map(EvaluationRounds.Member::userId)
                .filter(id -> !conflicted.contains(id))
                .collect(Collectors.toSet());
    }

    /** {@code DRAFT}, {@code SUBMITTED}, or {@code null} when the member has no sheet yet. */
    @Nullable
    String status(long dossierId, long memberId) {
        return jdbc.sql("SELECT status FROM scoresheet WHERE dossier_id = ? AND member_id = ?")
                .params(dossierId, memberId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    @Nullable
    Map<String, Integer> choices(long dossierId, long memberId) {
        return jdbc.sql("SELECT choices::text FROM scoresheet WHERE dossier_id = ? AND member_id = ?")
                .params(dossierId, memberId)
                .query(String.class)
                .optional()
                .map(text -> (Map<String, Integer>) new LinkedHashMap<>(json.readValue(text, CHOICES)))
                .orElse(null);
    }

    List<Sheet> sheets(long dossierId) {
        return jdbc.sql("""
                        SELECT s.member_id, coalesce(m.display_name, '') AS name, s.status, s.choices::text AS choices,
                               s.total
                          FROM scoresheet s
                          JOIN dossier d ON d.id = s.dossier_id
                          LEFT JOIN council_member m ON m.round_id = d.round_id AND m.user_id = s.member_id
                         WHERE s.dossier_id = ? ORDER BY s.member_id""")
                .param(dossierId)
                .query((rs, n) -> new Sheet(
                        rs.getLong("member_id"),
                        rs.getString("name"),
                        rs.getString("status"),
                        json.readValue(rs.getString("choices"), CHOICES),
                        rs.getBigDecimal("total")))
                .list();
    }

    /** The submitted sheets of eligible members. */
    List<Sheet> counted(Dossier d) {
        Set<Long> eligible = eligibleMembers(d);
        return sheets(d.id).stream()
                .filter(s -> "SUBMITTED".equals(s.status()) && eligible.contains(s.memberId()))
                .toList();
    }

    /** Whether every eligible member has submitted (and there is at least one). */
    boolean allSubmitted(Dossier d) {
        Set<Long> eligible = eligibleMembers(d);
        return !eligible.isEmpty() && counted(d).size() == eligible.size();
    }
}
