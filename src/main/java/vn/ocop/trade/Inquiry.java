package vn.ocop.trade;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A buyer's inquiry as a recipient producer (or the buyer, by its link) reads it: never the buyer's e-mail address or
 * phone.
 *
 * @param subject the product's name, or the category's, as the buyer saw it
 * @param readAt when the reading producer first opened it (null for the buyer's view)
 * @param answeredAt when the reading producer answered (for the buyer: the first answer)
 * @param replies the reading producer's replies (for the buyer: every producer's)
 */
public record Inquiry(
        long id,
        @Nullable Long productId,
        String subject,
        int criteriaSetNo,
        String provinceCode,
        String provinceName,
        BuyerKind buyerKind,
        String buyerName,
        @Nullable String organisation,
        String quantity,
        String message,
        Instant createdAt,
        @Nullable Instant readAt,
        @Nullable Instant answeredAt,
        List<Reply> replies) {

    /** A producer's answer. */
    public record Reply(long producerId, String producerName, String body, Instant createdAt) {}
}
