package vn.ocop.evaluation.criteria;

import java.util.List;

/**
 * A note that stops the evaluation ("sẽ không đánh giá các bước tiếp theo"): when any of the listed criteria scores
 * nothing, the product gets no star, for the printed reason.
 *
 * @param whenZero the criteria whose zero stops the evaluation (the criterion carrying the note, or the group it covers)
 * @param reason the note as printed
 */
public record GateRule(List<String> whenZero, String reason) {

    public GateRule {
        whenZero = List.copyOf(whenZero);
    }
}
