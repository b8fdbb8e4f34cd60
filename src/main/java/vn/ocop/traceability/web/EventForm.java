package vn.ocop.traceability.web;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import vn.ocop.shared.OcopClock;
import vn.ocop.traceability.LotCommands;
import vn.ocop.traceability.LotEventType;

/** The tracking event form; the time is Vietnam time as typed in a date-time field. */
class EventForm {

    private @Nullable LotEventType type;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private @Nullable LocalDateTime occurredAt;

    private String place = "";
    private String placeCommuneCode = "";
    private String party = "";
    private String what = "";
    private @Nullable BigDecimal quantity;
    private LotCommands.@Nullable Unit unit;
    private String note = "";

    LotCommands.RecordLotEvent command() {
        return new LotCommands.RecordLotEvent(
                type,
                occurredAt == null ? null : occurredAt.atZone(OcopClock.VIETNAM).toOffsetDateTime(),
                place.strip(),
                placeCommuneCode.isBlank() ? null : placeCommuneCode.strip(),
                party.strip(),
                what.strip(),
                quantity,
                unit,
                note.isBlank() ? null : note.strip());
    }

    public @Nullable LotEventType getType() {
        return type;
    }

    public void setType(@Nullable LotEventType type) {
        this.type = type;
    }

    public @Nullable LocalDateTime getOccurredAt() {
        return occurredAt;
    }

    public void setOccurredAt(@Nullable LocalDateTime occurredAt) {
        this.occurredAt = occurredAt;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(@Nullable String place) {
        this.place = place == null ? "" : place;
    }

    public String getPlaceCommuneCode() {
        return placeCommuneCode;
    }

    public void setPlaceCommuneCode(@Nullable String placeCommuneCode) {
        this.placeCommuneCode = placeCommuneCode == null ? "" : placeCommuneCode;
    }

    public String getParty() {
        return party;
    }

    public void setParty(@Nullable String party) {
        this.party = party == null ? "" : party;
    }

    public String getWhat() {
        return what;
    }

    public void setWhat(@Nullable String what) {
        this.what = what == null ? "" : what;
    }

    public @Nullable BigDecimal getQuantity() {
        return quantity;
    }

    public void setQuantity(@Nullable BigDecimal quantity) {
        this.quantity = quantity;
    }

    public LotCommands.@Nullable Unit getUnit() {
        return unit;
    }

    public void setUnit(LotCommands.@Nullable Unit unit) {
        this.unit = unit;
    }

    public String getNote() {
        return note;
    }

    public void setNote(@Nullable String note) {
        this.note = note == null ? "" : note;
    }
}
