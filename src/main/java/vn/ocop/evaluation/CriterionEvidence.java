package vn.ocop.evaluation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The evidence a producer cites for one criterion of its self-assessment (Mẫu 02 Part III: "mô tả, chứng minh về kết
 * quả tương ứng"): documents attached to the dossier, and a note.
 */
public record CriterionEvidence(
        List<Long> documentIds, @Nullable String note) {

    public CriterionEvidence {
        documentIds = List.copyOf(documentIds);
    }
}
