package vn.ocop.evaluation;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every dossier with the steps it went through and its result, streamed for another module filling its read model
 * once (reporting); afterwards {@link EvaluationEvents} keep such a model current. No authorization: the caller is not
 * a user.
 */
@Service
@Transactional(readOnly = true)
public class DossierHistory {

    /** A step: the status a dossier entered, and when. */
    public record Step(DossierStatus status, Instant at) {}

    /**
     * One dossier.
     *
     * @param kind {@code FIRST}, {@code UPGRADE}, {@code REEVALUATION} or {@code PROPOSAL}
     * @param level {@code PROVINCE} or {@code CENTRAL}: the level of its round
     * @param resultStar the council's result once rated, else {@code null}
     */
    public record DossierRecord(
            long id,
            long productId,
            String kind,
            String level,
            List<Step> steps,
            @Nullable Integer resultStar,
            boolean fiveStarCandidate) {}

    private final JdbcTemplate jdbc;

    DossierHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every dossier in id order, with its steps oldest first. */
    public void forEach(Consumer<DossierRecord> sink) {
        List<Object> current = new ArrayList<>(1);
        jdbc.query(
                connection -> {
                    var statement = connection.prepareStatement("""
                            SELECT d.id, d.product_id, d.kind, r.level, d.result_star, d.five_star_candidate,
                                   t.to_status, t.at
                              FROM dossier d
                              JOIN evaluation_round r ON r.id = d.round_id
                              JOIN dossier_transition t ON t.dossier_id = d.id
                             ORDER BY d.id, t.at, t.id""");
                    statement.setFetchSize(1_000);
                    return statement;
                },
                (ResultSet rs) -> {
                    long id = rs.getLong("id");
                    DossierRecord last = current.isEmpty() ? null : (DossierRecord) current.get(0);
                    if (last == null || last.id() != id) {
                        if (last != null) {
                            sink.accept(last);
                        }
                        Integer star = rs.getObject("result_star", Integer.class);
                        last = new DossierRecord(
                                id,
                                rs.getLong("product_id"),
                                rs.getString("kind"),
                                rs.getString("level"),
                                new ArrayList<>(),
                                star,
                                rs.getBoolean("five_star_candidate"));
                        current.clear();
                        current.add(last);
                    }
                    Timestamp at = rs.getTimestamp("at");
                    last.steps().add(new Step(DossierStatus.valueOf(rs.getString("to_status")), at.toInstant()));
                });
        if (!current.isEmpty()) {
            sink.accept((DossierRecord) current.get(0));
        }
    }
}
