package vn.ocop.evaluation;

import java.util.EnumSet;
import java.util.Set;

/** Where a dossier is in the procedure of Decision 26/2026/QĐ-TTg, Art. 5–7. */
public enum DossierStatus {
    /** Being prepared by the producer (or an officer on its behalf); not yet sent. */
    DRAFT,
    /** Sent to the commune, which checks it within 15 working days (Art. 5.2). */
    SUBMITTED,
    /** Sent back to the producer by the commune with reasons; may be corrected and sent again. */
    RETURNED,
    /** Assessed by the commune (Mẫu 03: raw material, labour, idea origin, local identity) and forwarded. */
    FORWARDED,
    /** Being scored by the council of the round. */
    UNDER_EVALUATION,
    /** The council closed it with a result (any star; certification follows for 3★ and above). */
    RATED,
    /** Rejected outright ("Hồ sơ bị loại": forged, non-compliant food-safety certificate, incomplete). */
    KNOCKED_OUT,
    /** Withdrawn by the producer before evaluation. */
    WITHDRAWN;

    /** Statuses from which the procedure can go on. */
    public boolean open() {
        return !TERMINAL.contains(this);
    }

    private static final Set<DossierStatus> TERMINAL = EnumSet.of(RATED, KNOCKED_OUT, WITHDRAWN);
}
