package vn.ocop.geography;

import org.jspecify.annotations.Nullable;

/**
 * One administrative unit of one edition.
 *
 * @param edition the scheme it belongs to, see {@link AdminEdition}
 * @param code official statistics-office code; unique within an edition only
 * @param level level code of the edition ({@code province}, {@code district}, {@code commune})
 * @param name name without the unit type, e.g. {@code Ba Đình}
 * @param fullName official name with the type, e.g. {@code Phường Ba Đình}
 * @param type Vietnamese unit type, e.g. {@code phường}
 * @param typeEn stable English key of the type, e.g. {@code ward}
 * @param parentCode the enclosing unit in the same edition; {@code null} for provinces
 * @param provinceCode the province it lies in (itself for a province)
 */
public record AdminUnit(
        String edition,
        String code,
        String level,
        String name,
        String fullName,
        String type,
        String typeEn,
        @Nullable String parentCode,
        String provinceCode) {

    public boolean isProvince() {
        return parentCode == null;
    }
}
