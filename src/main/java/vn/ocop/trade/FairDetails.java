package vn.ocop.trade;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/**
 * What is kept about a fair or trade event (used to create and to change one).
 *
 * @param cancelled true when the event will not take place (it stays on the calendar, marked cancelled)
 */
public record FairDetails(
        @NotBlank @Size(max = 300) String name,
        @Nullable @Size(max = 3000) String description,
        @NotNull LocalDate startsOn,
        @NotNull LocalDate endsOn,
        @NotBlank @Size(max = 500) String venue,
        @NotBlank @Size(max = 10) String communeCode,
        @NotBlank @Size(max = 300) String organiser,

        @Nullable @Size(max = 500) @Pattern(regexp = "(https?://.*)?")
        String website,

        boolean cancelled) {}
