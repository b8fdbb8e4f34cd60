package vn.ocop.producer;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A producer as a spreadsheet import carries it: the fields the import template has. The programme attributes (SME,
 * craft village, women-led, ethnic-minority area, members, employees) are written only when their column was in the
 * file ({@code present}): an older file without them leaves them as they are on an existing producer, and a new
 * producer starts without them. Founding year and status are never imported.
 *
 * @param taxCode normalized, 10 or 13 digits
 * @param communeCode a commune of the current edition
 * @param craftVillage whether the producer works in a craft village; {@code craftVillageName} may name it
 * @param present the attribute columns the file has
 */
public record ImportProducer(
        String taxCode,
        LegalType legalType,
        String name,
        @Nullable String representative,
        @Nullable String phone,
        @Nullable String email,
        @Nullable String address,
        String communeCode,
        boolean sme,
        boolean craftVillage,
        @Nullable String craftVillageName,
        boolean womenLed,
        boolean ethnicMinorityArea,
        @Nullable Integer members,
        @Nullable Integer employees,
        Set<Field> present) {

    /** Optional attribute columns an import may leave out. */
    public enum Field {
        SME,
        CRAFT_VILLAGE,
        WOMEN_LED,
        ETHNIC_MINORITY_AREA,
        MEMBERS,
        EMPLOYEES
    }

    /** A producer row without any attribute column (a file made before the columns existed). */
    public ImportProducer(
            String taxCode,
            LegalType legalType,
            String name,
            @Nullable String representative,
            @Nullable String phone,
            @Nullable String email,
            @Nullable String address,
            String communeCode) {
        this(
                taxCode,
                legalType,
                name,
                representative,
                phone,
                email,
                address,
                communeCode,
                false,
                false,
                null,
                false,
                false,
                null,
                null,
                Set.of());
    }

    /**
     * The attributes this row gives the producer: the imported value where the column was in the file, else the
     * {@code stored} one ({@code null} for a new producer: no flag, no numbers).
     */
    public Attributes attributesOver(@Nullable ProducerView stored) {
        boolean village = present.contains(Field.CRAFT_VILLAGE)
                ? craftVillage || craftVillageName != null
                : stored != null && stored.craftVillage();
        return new Attributes(
                present.contains(Field.SME) ? sme : stored != null && stored.sme(),
                village,
                present.contains(Field.CRAFT_VILLAGE)
                        ? craftVillageName
                        : stored == null ? null : stored.craftVillageName(),
                present.contains(Field.WOMEN_LED) ? womenLed : stored != null && stored.womenLed(),
                present.contains(Field.ETHNIC_MINORITY_AREA)
                        ? ethnicMinorityArea
                        : stored != null && stored.ethnicMinorityArea(),
                present.contains(Field.MEMBERS) ? members : stored == null ? null : stored.members(),
                present.contains(Field.EMPLOYEES) ? employees : stored == null ? null : stored.employees());
    }

    /** The programme attributes a producer ends up with after an import row. */
    public record Attributes(
            boolean sme,
            boolean craftVillage,
            @Nullable String craftVillageName,
            boolean womenLed,
            boolean ethnicMinorityArea,
            @Nullable Integer members,
            @Nullable Integer employees) {}
}
