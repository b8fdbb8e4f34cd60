package vn.ocop.producer;

/** Legal form of a producer (Decision 26/2026/QĐ-TTg, Art. 2: who may take part in OCOP). */
public enum LegalType {
    /** Hợp tác xã (HTX). */
    COOPERATIVE,
    /** Tổ hợp tác (THT). */
    COOPERATIVE_GROUP,
    /** Doanh nghiệp (mostly small and medium). */
    ENTERPRISE,
    /** Hộ kinh doanh có đăng ký. */
    HOUSEHOLD_BUSINESS,
    /** Others allowed for some sets, e.g. associations and tourism operators. */
    OTHER
}
