package vn.ocop.reporting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import vn.ocop.TestUsers;
import vn.ocop.identity.CurrentUser;
import vn.ocop.security.Instance;
import vn.ocop.security.MatrixFixtures;
import vn.ocop.security.MatrixWorld;
import vn.ocop.shared.OcopClock;
import vn.ocop.shared.OcopException;

/**
 * Matrix fixtures of the reporting module, each created by the province officer of its side's province (who alone
 * plans for the province and records support in it):
 *
 * <ul>
 *   <li>{@code plan}: a yearly plan of province 82 (own) and of province 01 (other); attribute {@code lock} (the
 *       current optimistic-locking version an amendment names);
 *   <li>{@code support-activity}: an activity held in commune 29869 (own) and in commune 00004 (other); attributes
 *       {@code version} (current) and {@code unit} (where it took place, so that a change keeps it there);
 *   <li>{@code removed-activity} and {@code page-removed-activity}: activities of the same places for the API's and
 *       the page's removal (the first allowed removal uses its activity up).
 * </ul>
 */
class ReportingMatrixFixtures implements MatrixFixtures {

    private final Plans plans;
    private final SupportActivities activities;

    ReportingMatrixFixtures(Plans plans, SupportActivities activities) {
        this.plans = plans;
        this.activities = activities;
    }

    @Override
    public Set<String> provides() {
        return Set.of("plan", "support-activity", "removed-activity", "page-removed-activity");
    }

    @Override
    public void create(MatrixWorld world) {
        world.put("plan", plan(world, MatrixWorld.HOME_PROVINCE), plan(world, MatrixWorld.OTHER_PROVINCE));
        for (String kind : List.of("support-activity", "removed-activity", "page-removed-activity")) {
            world.put(
                    kind,
                    activity(world, MatrixWorld.HOME_PROVINCE, MatrixWorld.HOME_COMMUNE),
                    activity(world, MatrixWorld.OTHER_PROVINCE, MatrixWorld.OTHER_COMMUNE));
        }
    }

    private Instance plan(MatrixWorld world, String province) {
        String title = world.name("Kế hoạch OCOP ma trận");
        CurrentUser officer = TestUsers.provinceOfficer(province);
        int year = LocalDate.now(OcopClock.VIETNAM).getYear();
        PlanView plan = plans.adopt(
                new Plans.NewPlan(
                        province,
                        year,
                        year,
                        title,
                        null,
                        null,
                        List.of(new Plans.TargetInput("NEW_CERTIFIED_3", null, new BigDecimal("5"), null))),
                officer);
        return Instance.of(plan.id(), title)
                .with("lock", () -> plans.get(plan.id(), null, officer).lock());
    }

    private Instance activity(MatrixWorld world, String province, String commune) {
        String title = world.name("Tập huấn OCOP ma trận");
        CurrentUser officer = TestUsers.provinceOfficer(province);
        SupportActivityView activity = activities.record(
                new SupportActivities.Details(
                        SupportKind.TRAINING,
                        title,
                        LocalDate.now(OcopClock.VIETNAM).minusDays(7),
                        null,
                        commune,
                        null,
                        null,
                        null,
                        null,
                        List.of()),
                officer);
        return Instance.of(activity.id(), title)
                .with("version", () -> current(activity, officer).version())
                .with("unit", () -> current(activity, officer).unit().code());
    }

    /** The activity as it is now; as created once an allowed call has removed it (every call then gets 404). */
    private SupportActivityView current(SupportActivityView created, CurrentUser officer) {
        try {
            return activities.get(created.id(), officer);
        } catch (OcopException gone) {
            return created;
        }
    }
}
