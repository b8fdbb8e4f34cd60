package vn.ocop.product;

import java.util.Optional;
import vn.ocop.identity.CurrentUser;
import vn.ocop.identity.Role;

/**
 * Who may record which rating (Decision 26/2026/QĐ-TTg Art. 4.1): the ministry recognises 5★ products, at central
 * level, through the central office; a province recognises 3–4★ products, at province level, through its OCOP
 * officers. A rating without certificate (1–2★) is the province's record too. The platform's operators (system
 * administrators), commune officers, council members and producers record none. The same table applies to the
 * pages, the API and the spreadsheet import.
 */
public final class RatingAuthority {

    private RatingAuthority() {}

    /**
     * Why the actor may not record this rating for a product in this province, as the message key suffix of the
     * refusal ({@code ratingLevel}: star and level disagree; {@code ratingCentral}: only the central office;
     * {@code ratingProvince}: only the province's officers), or empty when it may.
     */
    public static Optional<String> refusal(CurrentUser actor, CurrentRating rating, String provinceCode) {
        CertificationLevel level = rating.level();
        if (rating.star() == 5 && level != CertificationLevel.CENTRAL
                || rating.star() >= 3 && rating.star() <= 4 && level == CertificationLevel.CENTRAL
                || rating.star() < 3 && level != null) {
            return Optional.of("ratingLevel");
        }
        if (level == CertificationLevel.CENTRAL) {
            return actor.role() == Role.CENTRAL_OFFICE ? Optional.empty() : Optional.of("ratingCentral");
        }
        boolean provinceOfficer =
                actor.role() == Role.PROVINCE_OFFICER && provinceCode.equals(actor.jurisdictionCode());
        return provinceOfficer ? Optional.empty() : Optional.of("ratingProvince");
    }
}
