package vn.ocop.trade;

import vn.ocop.shared.AuditableEvent;

/** Facts of trade promotion, all audited with the place they concern. */
public final class TradeEvents {

    private TradeEvents() {}

    /** An event of trade promotion, told to the audit trail by its object, summary and place. */
    public interface TradeEvent extends AuditableEvent {

        String objectType();

        long objectId();

        String summary();

        String location();

        @Override
        default String auditObjectType() {
            return objectType();
        }

        @Override
        default String auditObjectId() {
            return Long.toString(objectId());
        }

        @Override
        default String auditSummary() {
            return summary();
        }

        @Override
        default String auditLocation() {
            return location();
        }
    }

    /** A point of sale was created or changed ({@code summary}: what changed). */
    public record PointOfSaleSaved(long objectId, String summary, String location) implements TradeEvent {
        @Override
        public String auditAction() {
            return "trade.point-of-sale-saved";
        }

        @Override
        public String objectType() {
            return "point-of-sale";
        }
    }

    /** A product was added to or removed from a point's stock. */
    public record StockChanged(long objectId, String summary, String location) implements TradeEvent {
        @Override
        public String auditAction() {
            return "trade.stock-changed";
        }

        @Override
        public String objectType() {
            return "point-of-sale";
        }
    }

    /** A fair was created or changed. */
    public record FairSaved(long objectId, String summary, String location) implements TradeEvent {
        @Override
        public String auditAction() {
            return "trade.fair-saved";
        }

        @Override
        public String objectType() {
            return "fair";
        }
    }

    /** A producer was added to or removed from a fair. */
    public record ParticipationChanged(long objectId, String summary, String location) implements TradeEvent {
        @Override
        public String auditAction() {
            return "trade.fair-participation-changed";
        }

        @Override
        public String objectType() {
            return "fair";
        }
    }

    /** A buyer sent an inquiry (anonymous; the buyer's address is not in the trail). */
    public record InquiryReceived(long objectId, String summary, String location) implements TradeEvent {
        @Override
        public String auditAction() {
            return "trade.inquiry-received";
        }

        @Override
        public String objectType() {
            return "buyer-inquiry";
        }

        @Override
        public String auditActor() {
            return "buyer";
        }
    }

    /** A producer answered an inquiry. */
    public record InquiryAnswered(long objectId, String summary, String location) implements TradeEvent {
        @Override
        public String auditAction() {
            return "trade.inquiry-answered";
        }

        @Override
        public String objectType() {
            return "buyer-inquiry";
        }
    }
}
