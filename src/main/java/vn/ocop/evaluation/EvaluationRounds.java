package vn.ocop.evaluation;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.ocop.geography.AdminEdition;
import vn.ocop.geography.AdminUnit;
import vn.ocop.geography.AdminUnits;
import vn.ocop.geography.GeographyError;
import vn.ocop.identity.AccessPolicy;
import vn.ocop.identity.Action;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.IdentityError;
import vn.ocop.identity.Role;
import vn.ocop.identity.UserAccounts;
import vn.ocop.identity.UserSummary;
import vn.ocop.producer.ProducerRegistry;
import vn.ocop.shared.AuditableEvent;
import vn.ocop.shared.CommonError;
import vn.ocop.shared.OcopException;

/**
 * Evaluation rounds and their councils. A province officer opens rounds of the province (they score 3–4★ and
 * propose 5★ candidates); the central office opens the ministry's 5★ rounds (Decision 26/2026/QĐ-TTg Art. 5–7).
 *
 * <p>Who sits on a council (Art. 7.3.b, 7.4.b): a province council seats council-member accounts of the province and
 * the province's OCOP officers; the central council seats central council-member accounts (no jurisdiction) and the
 * central office. One chair. The council's names are seen by the round's organisers, its members and nationwide
 * roles only; producers and commune officers see the round without them.
 */
@Service
@Transactional
public class EvaluationRounds {

    /** Roles that may be seated on a province council, when their jurisdiction is the round's province. */
    static final Set<Role> PROVINCE_SEATS = Set.of(Role.COUNCIL_MEMBER, Role.PROVINCE_OFFICER);

    /** Roles that may be seated on the central council: central council members (no jurisdiction), central office. */
    static final Set<Role> CENTRAL_SEATS = Set.of(Role.COUNCIL_MEMBER, Role.CENTRAL_OFFICE);

    private static final RowMapper<EvaluationRound> ROUND = (rs, n) -> new EvaluationRound(
            rs.getLong("id"),
            rs.getString("name"),
            rs.getString("level"),
            rs.getString("province_code"),
            rs.getInt("year"),
            rs.getString("criteria_version"),
            rs.getObject("submission_deadline", LocalDate.class),
            rs.getObject("ends_on", LocalDate.class),
            rs.getString("status"),
            rs.getLong("version"));

    private final JdbcClient jdbc;
    private final AccessPolicy policy;
    private final AdminUnits units;
    private final UserAccounts users;
    private final ProducerRegistry producers;
    private final CriteriaSets criteria;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    EvaluationRounds(
            JdbcClient jdbc,
            AccessPolicy policy,
            AdminUnits units,
            UserAccounts users,
            ProducerRegistry producers,
            CriteriaSets criteria,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.units = units;
        this.users = users;
        this.producers = producers;
        this.criteria = criteria;
        this.events = events;
        this.clock = clock;
    }

    /** Command: open a round. {@code provinceCode} for a province round, none for a central (5★) round. */
    public record OpenRound(
            @NotBlank @Size(max = 300) String name,
            @NotNull @Pattern(regexp = "PROVINCE|CENTRAL") String level,
            @Nullable @Size(max = 10) String provinceCode,
            @NotNull @Min(2018) @Max(2100) Integer year,
            @NotNull LocalDate submissionDeadline,
            @NotNull LocalDate endsOn) {}

    /** Command: change a round's name and dates. */
    public record EditRound(
            @NotBlank @Size(max = 300) String name,
            @NotNull LocalDate submissionDeadline,
            @NotNull LocalDate endsOn) {}

    /** A council seat. */
    public record Member(long userId, String displayName, String role) {}

    /** What the new-round form starts from: the next round of the calendar of Art. 5 for the actor's level. */
    public record RoundDefaults(
            String level, @Nullable String provinceCode, int year, LocalDate submissionDeadline, LocalDate endsOn) {}

    public EvaluationRound open(OpenRound command, CurrentUser actor) {
        boolean province = "PROVINCE".equals(command.level());
        String provinceCode = province ? command.provinceCode() : null;
        if (province) {
            if (provinceCode == null
                    || units.find(AdminEdition.CURRENT, provinceCode)
                            .filter(AdminUnit::isProvince)
                            .isEmpty()) {
                throw new OcopException(GeographyError.UNIT_NOT_FOUND, String.valueOf(provinceCode), "2025");
            }
        }
        checkOrganiser(command.level(), provinceCode, actor);
        requireOrderedDates(command.submissionDeadline(), command.endsOn());
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
        events.publishEvent(new RoundOpened(id, command.name().strip(), command.level(), provinceCode));
        return get(id);
    }

    /** Changes the name and dates of an open round; a stale version is a 409. */
    public EvaluationRound edit(long id, EditRound command, long expectedVersion, CurrentUser actor) {
        EvaluationRound round = get(id);
        checkOrganiser(round, actor);
        if (!round.open()) {
            throw new OcopException(EvaluationError.ROUND_CLOSED, id);
        }
        requireOrderedDates(command.submissionDeadline(), command.endsOn());
        int updated = jdbc.sql("""
                        UPDATE evaluation_round SET name = ?, submission_deadline = ?, ends_on = ?, version = version + 1
                         WHERE id = ? AND version = ?""")
                .params(command.name().strip(), command.submissionDeadline(), command.endsOn(), id, expectedVersion)
                .update();
        if (updated != 1) {
            throw new ObjectOptimisticLockingFailureException("evaluation_round", id);
        }
        events.publishEvent(new RoundChanged(
                id,
                round.provinceCode(),
                "name=" + command.name().strip() + ", deadline=" + command.submissionDeadline() + ", ends="
                        + command.endsOn()));
        return get(id);
    }

    /** Closes a round once no dossier of it is still being scored or waits for the council. */
    public EvaluationRound close(long id, CurrentUser actor) {
        EvaluationRound round = get(id);
        checkOrganiser(round, actor);
        if (!round.open()) {
            throw new OcopException(EvaluationError.ROUND_CLOSED, id);
        }
        long pending = jdbc.sql("SELECT count(*) FROM dossier WHERE round_id = ? AND status IN ('FORWARDED',"
                        + " 'UNDER_EVALUATION')")
                .param(id)
                .query(Long.class)
                .single();
        if (pending > 0) {
            throw new OcopException(EvaluationError.ROUND_HAS_PENDING_DOSSIERS, pending);
        }
        jdbc.sql("UPDATE evaluation_round SET status = 'CLOSED', version = version + 1 WHERE id = ?")
                .param(id)
                .update();
        events.publishEvent(new RoundChanged(id, round.provinceCode(), "closed"));
        return get(id);
    }

    /** The next round of the calendar for what the actor organises (a province officer: the province's). */
    @Transactional(readOnly = true)
    public RoundDefaults defaults(CurrentUser actor) {
        String level = actor.role().nationwide() ? "CENTRAL" : "PROVINCE";
        String province = actor.role().nationwide() ? null : provinceOf(actor.jurisdictionCode());
        RoundCalendar.Slot slot = RoundCalendar.next(level, LocalDate.now(clock));
        return new RoundDefaults(level, province, slot.year(), slot.proposalsBy(), slot.resultsBy());
    }

    /** Whether the actor may open rounds at all (province officers for their province, nationwide roles). */
    public boolean mayOrganise(CurrentUser actor) {
        return actor.role() == Role.PROVINCE_OFFICER
                || actor.role() == Role.SYSTEM_ADMIN
                || actor.role() == Role.CENTRAL_OFFICE;
    }

    /** A round the actor may see (see {@link #list}); 404 when unknown, 403 otherwise. */
    @Transactional(readOnly = true)
    public EvaluationRound view(long id, CurrentUser actor) {
        EvaluationRound round = get(id);
        if (!visible(round, actor)) {
            throw OcopException.forbidden();
        }
        return round;
    }

    EvaluationRound get(long id) {
        return find(id).orElseThrow(() -> new OcopException(EvaluationError.ROUND_NOT_FOUND, id));
    }

    @Transactional(readOnly = true)
    public Optional<EvaluationRound> find(long id) {
        return jdbc.sql("SELECT * FROM evaluation_round WHERE id = ?")
                .param(id)
                .query(ROUND)
                .optional();
    }

    /**
     * Rounds visible to the actor, newest first: nationwide roles see all; a province or commune officer the rounds of
     * its province and the central ones (a commune officer: its province's only); a council member the rounds it sits
     * on and those of its province; a producer the rounds of its province and those holding one of its dossiers.
     */
    @Transactional(readOnly = true)
    public List<EvaluationRound> list(CurrentUser actor) {
        return jdbc
                .sql("SELECT * FROM evaluation_round ORDER BY year DESC, submission_deadline DESC, id DESC")
                .query(ROUND)
                .list()
                .stream()
                .filter(r -> visible(r, actor))
                .toList();
    }

    /** Whether the actor sees the round (not its council: see {@link #mayViewCouncil}). */
    boolean visible(EvaluationRound round, CurrentUser actor) {
        if (actor.role().nationwide() || isMember(round.id(), actor.id())) {
            return true;
        }
        String province = actor.role() == Role.PRODUCER
                ? producerProvince(actor.producerId())
                : provinceOf(actor.jurisdictionCode());
        if (round.provinceLevel()) {
            return round.provinceCode().equals(province)
                    || (actor.role() == Role.PRODUCER && hasDossierOf(round.id(), actor.producerId()));
        }
        return actor.role() == Role.PROVINCE_OFFICER
                || (actor.role() == Role.PRODUCER && hasDossierOf(round.id(), actor.producerId()));
    }

    /** Organisers, members and nationwide roles see who sits on the council; nobody else does. */
    public boolean mayViewCouncil(EvaluationRound round, CurrentUser actor) {
        return actor.role().nationwide() || isOrganiser(round, actor) || isMember(round.id(), actor.id());
    }

    /** Whether the actor organises the round (province officer of its province; nationwide roles for central ones). */
    public boolean isOrganiser(EvaluationRound round, CurrentUser actor) {
        try {
            checkOrganiser(round, actor);
            return true;
        } catch (OcopException notOrganiser) {
            return false;
        }
    }

    /**
     * Seats a council member (role CHAIR or MEMBER) or changes its role; the organiser of the round decides. Only the
     * accounts the decision seats may be seated (see the class comment); a second chair is refused.
     */
    public List<Member> seat(long roundId, long userId, String role, CurrentUser actor) {
        EvaluationRound round = get(roundId);
        checkOrganiser(round, actor);
        if (!"CHAIR".equals(role) && !"MEMBER".equals(role)) {
            throw new OcopException(CommonError.INVALID_PARAMETER, "role");
        }
        UserSummary user =
                users.lookup(userId).orElseThrow(() -> new OcopException(IdentityError.USER_NOT_FOUND, userId));
        if (!seatable(round, user)) {
            throw new OcopException(EvaluationError.SEAT_NOT_ELIGIBLE, user.displayName(), councilOf(round));
        }
        if ("CHAIR".equals(role)) {
            chair(roundId).filter(chair -> chair.userId() != userId).ifPresent(chair -> {
                throw new OcopException(EvaluationError.CHAIR_TAKEN, chair.displayName());
            });
        }
        try {
            jdbc.sql("""
                            INSERT INTO council_member (round_id, user_id, display_name, role) VALUES (?, ?, ?, ?)
                            ON CONFLICT (round_id, user_id) DO UPDATE SET role = EXCLUDED.role""").params(roundId, userId, user.displayName(), role).update();
        } catch (DuplicateKeyException concurrentChair) {
            throw new OcopException(
                    EvaluationError.CHAIR_TAKEN,
                    chair(roundId).map(Member::displayName).orElse("?"));
        }
        events.publishEvent(new MemberSeated(roundId, userId, user.username(), role, round.provinceCode()));
        return members(roundId);
    }

    /** Removes a member from the council; refused once the member has submitted a scoresheet in the round. */
    public List<Member> unseat(long roundId, long userId, CurrentUser actor) {
        EvaluationRound round = get(roundId);
        checkOrganiser(round, actor);
        long submitted = jdbc.sql("""
                        SELECT count(*) FROM scoresheet s JOIN dossier d ON d.id = s.dossier_id
                         WHERE d.round_id = ? AND s.member_id = ? AND s.status = 'SUBMITTED'""").params(roundId, userId).query(Long.class).single();
        if (submitted > 0) {
            throw new OcopException(EvaluationError.MEMBER_HAS_SHEETS, submitted);
        }
        int removed = jdbc.sql("DELETE FROM council_member WHERE round_id = ? AND user_id = ?")
                .params(roundId, userId)
                .update();
        if (removed == 0) {
            throw new OcopException(EvaluationError.NOT_A_COUNCIL_MEMBER);
        }
        jdbc.sql("""
                        DELETE FROM scoresheet s USING dossier d
                         WHERE d.id = s.dossier_id AND d.round_id = ? AND s.member_id = ? AND s.status = 'DRAFT'""").params(roundId, userId).update();
        events.publishEvent(new MemberUnseated(roundId, userId, round.provinceCode()));
        return members(roundId);
    }

    /** The council of a round, for those who may see it (see {@link #mayViewCouncil}). */
    @Transactional(readOnly = true)
    public List<Member> members(long roundId, CurrentUser actor) {
        if (!mayViewCouncil(get(roundId), actor)) {
            throw OcopException.forbidden();
        }
        return members(roundId);
    }

    /**
     * Accounts the organiser may seat on this round's council whose name contains {@code text}, not yet seated; at
     * most 20.
     */
    @Transactional(readOnly = true)
    public List<UserSummary> seatCandidates(long roundId, String text, CurrentUser actor) {
        EvaluationRound round = get(roundId);
        checkOrganiser(round, actor);
        Set<Long> seated = members(roundId).stream().map(Member::userId).collect(java.util.stream.Collectors.toSet());
        List<UserSummary> found = round.provinceLevel()
                ? users.findEnabled(PROVINCE_SEATS, round.provinceCode(), text, 40)
                : users.findEnabled(CENTRAL_SEATS, null, text, 40);
        return found.stream()
                .filter(u -> !seated.contains(u.id()))
                .filter(u -> seatable(round, u))
                .limit(20)
                .toList();
    }

    List<Member> members(long roundId) {
        return jdbc.sql(
                        "SELECT user_id, display_name, role FROM council_member WHERE round_id = ? ORDER BY role, display_name")
                .param(roundId)
                .query((rs, n) -> new Member(rs.getLong(1), rs.getString(2), rs.getString(3)))
                .list();
    }

    Optional<Member> chair(long roundId) {
        return members(roundId).stream().filter(m -> "CHAIR".equals(m.role())).findFirst();
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

    /** Whether the account may sit on the round's council (Art. 7.3.b, 7.4.b). */
    static boolean seatable(EvaluationRound round, UserSummary user) {
        if (!user.enabled()) {
            return false;
        }
        if (round.provinceLevel()) {
            return PROVINCE_SEATS.contains(user.role()) && round.provinceCode().equals(user.jurisdictionCode());
        }
        return (user.role() == Role.COUNCIL_MEMBER && user.jurisdictionCode() == null)
                || user.role() == Role.CENTRAL_OFFICE;
    }

    /** Province officers of the round's province (or nationwide roles) organise it. */
    void checkOrganiser(EvaluationRound round, CurrentUser actor) {
        checkOrganiser(round.level(), round.provinceCode(), actor);
    }

    private void checkOrganiser(String level, @Nullable String provinceCode, CurrentUser actor) {
        if ("PROVINCE".equals(level)) {
            policy.check(actor, Action.EDIT_RECORDS, provinceCode);
            if (actor.role() != Role.PROVINCE_OFFICER && !actor.role().nationwide()) {
                throw OcopException.forbidden();
            }
        } else if (actor.role() != Role.CENTRAL_OFFICE && actor.role() != Role.SYSTEM_ADMIN) {
            throw OcopException.forbidden();
        }
    }

    private String councilOf(EvaluationRound round) {
        return round.provinceLevel() ? units.currentName(round.provinceCode()) : "Bộ Nông nghiệp và Môi trường";
    }

    private boolean hasDossierOf(long roundId, @Nullable Long producerId) {
        return producerId != null
                && jdbc.sql("SELECT count(*) FROM dossier WHERE round_id = ? AND producer_id = ?")
                                .params(roundId, producerId)
                                .query(Long.class)
                                .single()
                        > 0;
    }

    private @Nullable String producerProvince(@Nullable Long producerId) {
        return producerId == null
                ? null
                : producers
                        .lookup(producerId)
                        .map(p -> provinceOf(p.communeCode()))
                        .orElse(null);
    }

    private @Nullable String provinceOf(@Nullable String unitCode) {
        return unitCode == null
                ? null
                : units.find(AdminEdition.CURRENT, unitCode)
                        .map(AdminUnit::provinceCode)
                        .orElse(null);
    }

    private static void requireOrderedDates(LocalDate submissionDeadline, LocalDate endsOn) {
        if (endsOn.isBefore(submissionDeadline)) {
            throw new OcopException(EvaluationError.ROUND_DATES_REVERSED, submissionDeadline, endsOn);
        }
    }

    /** An event of a round, told to the audit trail by the round's id and its province (none for central rounds). */
    public interface RoundEvent extends AuditableEvent {

        long roundId();

        @Nullable
        String provinceCode();

        @Override
        default String auditObjectType() {
            return "evaluation-round";
        }

        @Override
        default String auditObjectId() {
            return Long.toString(roundId());
        }

        @Override
        default @Nullable String auditLocation() {
            return provinceCode();
        }
    }

    /** A round was opened. */
    public record RoundOpened(
            long roundId,
            String name,
            String level,
            @Nullable String provinceCode) implements RoundEvent {
        @Override
        public String auditAction() {
            return "round.opened";
        }

        @Override
        public String auditSummary() {
            return level + " " + name;
        }
    }

    /** A round's name or dates changed, or it was closed. */
    public record RoundChanged(long roundId, @Nullable String provinceCode, String change) implements RoundEvent {
        @Override
        public String auditAction() {
            return "round.changed";
        }

        @Override
        public String auditSummary() {
            return change;
        }
    }

    /** A council member was seated (or its role changed). */
    public record MemberSeated(
            long roundId,
            long userId,
            String username,
            String role,
            @Nullable String provinceCode) implements RoundEvent {
        @Override
        public String auditAction() {
            return "round.member-seated";
        }

        @Override
        public String auditSummary() {
            return username + " as " + role;
        }
    }

    /** A council member was removed. */
    public record MemberUnseated(
            long roundId, long userId, @Nullable String provinceCode) implements RoundEvent {
        @Override
        public String auditAction() {
            return "round.member-unseated";
        }

        @Override
        public String auditSummary() {
            return "user " + userId;
        }
    }
}
