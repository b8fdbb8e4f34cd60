package vn.ocop.producer;

import java.util.List;
import vn.ocop.geography.AdminUnit;

/**
 * The provinces and communes a user may pick in registry filters and forms, from their jurisdiction: every province
 * for nationwide roles, their own province for a province officer, their own commune for a commune officer, nothing
 * for a producer account (its producer's place is fixed).
 *
 * @param communes communes of the selected (or only) province; empty when no province is chosen
 * @param provinceFixed the user cannot choose another province
 * @param communeFixed the user cannot choose another commune
 */
public record AreaChoices(
        List<AdminUnit> provinces, List<AdminUnit> communes, boolean provinceFixed, boolean communeFixed) {

    /** The only province, when the province is fixed; else {@code null}. */
    public @org.jspecify.annotations.Nullable AdminUnit fixedProvince() {
        return provinceFixed && provinces.size() == 1 ? provinces.get(0) : null;
    }

    /** The only commune, when the commune is fixed; else {@code null}. */
    public @org.jspecify.annotations.Nullable AdminUnit fixedCommune() {
        return communeFixed && communes.size() == 1 ? communes.get(0) : null;
    }
}
