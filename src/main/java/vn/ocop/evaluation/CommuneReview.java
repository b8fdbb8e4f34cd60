package vn.ocop.evaluation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The commune's assessment of the four contents it is responsible for (Mẫu 03, Decision 26/2026/QĐ-TTg Art. 7.2):
 * local raw material, local labour, origin of the product idea, local identity; each met or not, with what the
 * commune found (printed in its report, Mẫu 03 part II), and an overall remark.
 */
public record CommuneReview(
        @NotNull Boolean localRawMaterial,
        @NotNull Boolean localLabour,
        @NotNull Boolean localIdea,
        @NotNull Boolean localIdentity,
        @Nullable @Size(max = 2000) String remarks,
        @Nullable @Size(max = 4000) String rawMaterialNote,
        @Nullable @Size(max = 4000) String labourNote,
        @Nullable @Size(max = 4000) String ideaNote,
        @Nullable @Size(max = 4000) String identityNote) {

    /** The four findings and a remark, without notes per content. */
    public CommuneReview(
            Boolean localRawMaterial,
            Boolean localLabour,
            Boolean localIdea,
            Boolean localIdentity,
            @Nullable String remarks) {
        this(localRawMaterial, localLabour, localIdea, localIdentity, remarks, null, null, null, null);
    }
}
