package vn.ocop.evaluation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The commune's assessment of the four contents it is responsible for (Mẫu 03, Decision 26/2026/QĐ-TTg Art. 5.2):
 * local raw material, local labour, origin of the product idea, local identity; each met or not, with a remark.
 */
public record CommuneReview(
        @NotNull Boolean localRawMaterial,
        @NotNull Boolean localLabour,
        @NotNull Boolean localIdea,
        @NotNull Boolean localIdentity,
        @Nullable @Size(max = 2000) String remarks) {}
