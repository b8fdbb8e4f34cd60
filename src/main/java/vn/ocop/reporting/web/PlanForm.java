package vn.ocop.reporting.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.ocop.reporting.PlanView;
import vn.ocop.reporting.Plans;

/**
 * The plan form, for adopting and for amending: period and unit (fixed once adopted), title, decision, reason of an
 * amendment, and target rows (blank rows are ignored, so the form can offer a few empty ones).
 */
public class PlanForm {

    /** Empty target rows offered below the filled ones. */
    static final int SPARE_ROWS = 4;

    private @Nullable String unit;
    private @Nullable Integer firstYear;
    private @Nullable Integer lastYear;
    private String title = "";
    private @Nullable String decision;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate adoptedOn;

    private @Nullable String reason;
    private @Nullable Long lock;
    private List<Row> targets = new ArrayList<>();

    /** One target row. */
    public static class Row {
        private @Nullable String type;
        private @Nullable String group;
        private @Nullable BigDecimal planned;
        private @Nullable String note;

        boolean blank() {
            return (type == null || type.isBlank()) && planned == null && (note == null || note.isBlank());
        }

        public @Nullable String getType() {
            return type;
        }

        public void setType(@Nullable String type) {
            this.type = type;
        }

        public @Nullable String getGroup() {
            return group;
        }

        public void setGroup(@Nullable String group) {
            this.group = group;
        }

        public @Nullable BigDecimal getPlanned() {
            return planned;
        }

        public void setPlanned(@Nullable BigDecimal planned) {
            this.planned = planned;
        }

        public @Nullable String getNote() {
            return note;
        }

        public void setNote(@Nullable String note) {
            this.note = note;
        }
    }

    static PlanForm of(PlanView plan) {
        PlanForm form = new PlanForm();
        form.unit = plan.unit().code();
        form.firstYear = plan.firstYear();
        form.lastYear = plan.lastYear();
        form.title = plan.title();
        form.decision = plan.decision();
        form.adoptedOn = plan.adoptedOn();
        form.lock = plan.lock();
        for (PlanView.Target t : plan.targets()) {
            Row row = new Row();
            row.type = t.type();
            row.group = t.group();
            row.planned = t.planned();
            row.note = t.note();
            form.targets.add(row);
        }
        return form;
    }

    /** Pads the rows with empty ones for the user to fill. */
    PlanForm withSpareRows(int count) {
        for (int i = 0; i < count; i++) {
            targets.add(new Row());
        }
        return this;
    }

    /** The filled rows as commands, with the index each came from (for showing errors on the right row). */
    List<Plans.TargetInput> inputs(List<Integer> indexes) {
        List<Plans.TargetInput> inputs = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            Row r = targets.get(i);
            if (r.blank()) {
                continue;
            }
            indexes.add(i);
            inputs.add(new Plans.TargetInput(r.type == null ? "" : r.type, blank(r.group), r.planned, blank(r.note)));
        }
        return inputs;
    }

    Plans.NewPlan newPlan(List<Integer> indexes) {
        return new Plans.NewPlan(blank(unit), firstYear, lastYear, title, blank(decision), adoptedOn, inputs(indexes));
    }

    Plans.Amendment amendment(List<Integer> indexes) {
        return new Plans.Amendment(
                title, blank(decision), adoptedOn, reason == null ? "" : reason, inputs(indexes), lock);
    }

    private static @Nullable String blank(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public @Nullable String getUnit() {
        return unit;
    }

    public void setUnit(@Nullable String unit) {
        this.unit = unit;
    }

    public @Nullable Integer getFirstYear() {
        return firstYear;
    }

    public void setFirstYear(@Nullable Integer firstYear) {
        this.firstYear = firstYear;
    }

    public @Nullable Integer getLastYear() {
        return lastYear;
    }

    public void setLastYear(@Nullable Integer lastYear) {
        this.lastYear = lastYear;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public @Nullable String getDecision() {
        return decision;
    }

    public void setDecision(@Nullable String decision) {
        this.decision = decision;
    }

    public @Nullable LocalDate getAdoptedOn() {
        return adoptedOn;
    }

    public void setAdoptedOn(@Nullable LocalDate adoptedOn) {
        this.adoptedOn = adoptedOn;
    }

    public @Nullable String getReason() {
        return reason;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason;
    }

    public @Nullable Long getLock() {
        return lock;
    }

    public void setLock(@Nullable Long lock) {
        this.lock = lock;
    }

    public List<Row> getTargets() {
        return targets;
    }

    public void setTargets(List<Row> targets) {
        this.targets = targets;
    }
}
