package vn.ocop.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.shared.AuditableEvent;
import vn.ocop.shared.OcopException;

/**
 * Evaluation rounds and their councils. A province officer opens rounds of the province (they score 3–4★ and
 * propose 5★ candidates); the central office opens the ministry's 5★ rounds (Decision 26/2026/QĐ-TTg Art. 6–7).
 */
@Service
@Transactional
public class EvaluationRounds {

    private static final RowMapper<EvaluationRound> ROUND = (rs, n) -> new EvaluationRound(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("level"),
            rs.getString("province_code"),
            rs.getInt("year"),
            rs.getString("criteria_version"),
            rs.getObject("submission_deadline", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class),
            rs.getString("status"));

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AdminUnits units;
    private final UserAccounts users;
    private final CriteriaSets criteria;
    private final ApplicationEventPublisher events;

    EvaluationRounds(
            JdbcClient jdbc,
            AccessPolicy policy,
            AdminUnits units,
            UserAccounts users,
            CriteriaSets criteria,
            ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.units = units;
        this.users = users;
        this.criteria = criteria;
        this.events = events;
    }

    /** Command: open a round. {@code provinceCode} for a province round, none for a central (5★) round. */
    public record OpenRound(
            @NotBlank @Size(max = 300) String name,
            @NotNull @Pattern(regexp = "PROVINCE|CENTRAL") String level,
            @Nullable @Size(max = 10) String provinceCode,
            @NotNull @Min(2018) @Max(2100) Integer year,
            @NotNull LocalDate submissionDeadline,
            @NotNull LocalDate endsOn) {}

    /** A council seat. */
    public record Member(long userId, String displayName, String role) {}

    public EvaluationRound open(OpenRound command, CurrentUser actor) {
        boolean province = "PROVINCE".equals(command.level());
        String provinceCode = province ? command.provinceCode() : null;
        if (province) {
            if (provinceCode == null
                    || units.find(AdminEdition.CURRENT, provinceCode)
                            .filter(u -> u.isProvince())
                            .isEmpty()) {
                throw new OcopException(GeographyError.UNIT_NOT_FOUND, String.valueOf(provinceCode), "2025");
            }
            policy.check(actor, Action.EDIT_RECORDS, provinceCode);
            if (actor.role() == Role.COMMUNE_OFFICER) {
                throw OcopException.forbidden();
            }
        } else if (!actor.role().nationwide()) {
            throw OcopException.forbidden();
        }
        if (command.endsOn().isBefore(command.submissionDeadline())) {
            throw new OcopException(vn.ocop.shared.CommonError.VALIDATION_FAILED);
        }
        long id = jdbc.sql("""
                        INSERT INTO evaluation_round (name, level, province_code, year, criteria_version,
                                                      submission_deadline, ends_on, status, created_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?) RETURNING id""")
                .params(
                        command.name().strip(),
                        command.level(),
                        provinceCode,
                        command.year(),
                        criteria.currentVersion(),
                        command.submissionDeadline(),
                        command.endsOn(),
                        actor.username())
                .query(Long.class)
                .single();
        events.publishEvent(new RoundOpened(id, command.name(), command.level(), provinceCode));
        return get(id);
    }

    public EvaluationRound get(long id) {
        return find(id).orElseThrow(() -> new OcopException(EvaluationError.ROUND_NOT_FOUND, id));
    }

    @Transactional(readOnly = true)
    public Optional<EvaluationRound> find(long id) {
        return jdbc.sql("SELECT * FROM evaluation_round WHERE id = ?")
                .param(id)
                .query(ROUND)
                .optional();
    }

    /** Rounds visible to the actor: a province's own, and the central ones. */
    @Transactional(readOnly = true)
    public List<EvaluationRound> list(CurrentUser actor) {
        return jdbc.sql("SELECT * FROM evaluation_round ORDER BY year DESC, id DESC").query(ROUND).list().stream()
                .filter(r ->
                        !r.provinceLevel() || policy.covers(actor, r.provinceCode()) || isMember(r.id(), actor.id()))
                .toList();
    }

    /** Seats a council member (role CHAIR or MEMBER); the organiser of the round decides. */
    public List<Member> seat(long roundId, long userId, String role, CurrentUser actor) {
        EvaluationRound round = get(roundId);
        checkOrganiser(round, actor);
        UserSummary user = users.lookup(userId)
                .orElseThrow(() -> new OcopException(vn.ocop.identity.IdentityError.USER_NOT_FOUND, userId));
        if (!"CHAIR".equals(role) && !"MEMBER".equals(role)) {
            throw new OcopException(vn.ocop.shared.CommonError.INVALID_PARAMETER, "role");
        }
        jdbc.sql("""
                        INSERT INTO council_member (round_id, user_id, display_name, role) VALUES (?, ?, ?, ?)
                        ON CONFLICT (round_id, user_id) DO UPDATE SET role = EXCLUDED.role""").params(roundId, userId, user.displayName(), role).update();
        events.publishEvent(new MemberSeated(roundId, user.username(), role));
        return members(roundId);
    }

    @Transactional(readOnly = true)
    public List<Member> members(long roundId) {
        return jdbc.sql(
                        "SELECT user_id, display_name, role FROM council_member WHERE round_id = ? ORDER BY role, display_name")
                .param(roundId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    @Transactional(readOnly = true)
    public boolean isMember(long roundId, long userId) {
        return jdbc.sql("SELECT count(*) FROM council_member WHERE round_id = ? AND user_id = ?")
                        .params(roundId, userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    @Transactional(readOnly = true)
    public boolean isChair(long roundId, long userId) {
        return jdbc.sql("SELECT count(*) FROM council_member WHERE round_id = ? AND user_id = ? AND role = 'CHAIR'")
                        .params(roundId, userId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Province officers of the round's province (or nationwide roles) organise it. */
    void checkOrganiser(EvaluationRound round, CurrentUser actor) {
        if (round.provinceLevel()) {
            policy.check(actor, Action.EDIT_RECORDS, round.provinceCode());
            if (actor.role() == Role.COMMUNE_OFFICER) {
                throw OcopException.forbidden();
            }
        } else if (!actor.role().nationwide()) {
            throw OcopException.forbidden();
        }
    }

    /** A round was opened. */
    public record RoundOpened(
            long roundId,
            String name,
            String level,
            @Nullable String provinceCode) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "round.opened";
        }

        @Override
        public String auditObjectType() {
            return "evaluation-round";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(roundId);
        }

        @Override
        public String auditSummary() {
            return level + " " + name;
        }

        @Override
        public @Nullable String auditLocation() {
            return provinceCode;
        }
    }

    /** A council member was seated. */
    public record MemberSeated(long roundId, String username, String role) implements AuditableEvent {
        @Override
        public String auditAction() {
            return "round.member-seated";
        }

        @Override
        public String auditObjectType() {
            return "evaluation-round";
        }

        @Override
        public String auditObjectId() {
            return Long.toString(roundId);
        }

        @Override
        public String auditSummary() {
            return username + " as " + role;
        }
    }
}
