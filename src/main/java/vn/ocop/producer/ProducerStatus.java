package vn.ocop.producer;

/** Whether a producer is still in business. */
public enum ProducerStatus {
    /** Producing; may apply and hold certificates. */
    ACTIVE,
    /** Temporarily stopped (e.g. by its own decision or an authority); keeps its history. */
    SUSPENDED,
    /** Dissolved or stopped producing for good: a ground for revoking certificates (Art. 8 đ). */
    DISSOLVED
}
