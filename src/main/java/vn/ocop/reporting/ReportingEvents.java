package vn.ocop.reporting;

import org.jspecify.annotations.Nullable;
import vn.ocop.shared.AuditableEvent;

/** Facts the reporting module announces; all of them go to the audit trail. */
public final class ReportingEvents {

    private ReportingEvents() {}

    /** An event of a reporting record, told to the audit trail by its kind, id, place and a summary. */
    public interface ReportingEvent extends AuditableEvent {

        String objectType();

        String objectId();

        /** The unit the record belongs to (a province or commune), {@code null} for the nation. */
        @Nullable
        String unitCode();

        String summary();

        @Override
        default String auditObjectType() {
            return objectType();
        }

        @Override
        default String auditObjectId() {
            return objectId();
        }

        @Override
        default String auditSummary() {
            return summary();
        }

        @Override
        default @Nullable String auditLocation() {
            return unitCode();
        }
    }

    /** A plan was adopted ({@code version} 1) or amended (a later version). */
    public record PlanAdopted(
            long planId, int version, @Nullable String unitCode, String summary) implements ReportingEvent {
        @Override
        public String auditAction() {
            return version == 1 ? "plan.adopted" : "plan.amended";
        }

        @Override
        public String objectType() {
            return "plan";
        }

        @Override
        public String objectId() {
            return Long.toString(planId);
        }
    }

    /** A support activity was recorded, changed or removed ({@code change}: recorded, changed, removed). */
    public record SupportActivityChanged(long activityId, String change, String unitCode, String summary)
            implements ReportingEvent {
        @Override
        public String auditAction() {
            return "support-activity." + change;
        }

        @Override
        public String objectType() {
            return "support-activity";
        }

        @Override
        public String objectId() {
            return Long.toString(activityId);
        }
    }

    /** A kind of target was added to the list plans choose from. */
    public record TargetTypeAdded(String code, String summary) implements ReportingEvent {
        @Override
        public String auditAction() {
            return "target-type.added";
        }

        @Override
        public String objectType() {
            return "target-type";
        }

        @Override
        public String objectId() {
            return code;
        }

        @Override
        public @Nullable String unitCode() {
            return null;
        }
    }
}
