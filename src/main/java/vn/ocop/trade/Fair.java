package vn.ocop.trade;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A fair or trade event, with the producers taking part. */
public record Fair(
        long id,
        String name,
        @Nullable String description,
        LocalDate startsOn,
        LocalDate endsOn,
        String venue,
        String communeCode,
        String communeName,
        String provinceCode,
        String provinceName,
        String organiser,
        @Nullable String website,
        boolean cancelled,
        List<Participant> participants,
        Instant updatedAt,
        long version) {

    /**
     * A producer taking part.
     *
     * @param listed whether the producer has products in the public catalog (its public page exists)
     */
    public record Participant(
            long producerId, String name, @Nullable String booth, boolean listed) {}
}
