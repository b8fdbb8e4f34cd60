package vn.ocop.product;

/** Who recognised a product's rating (Decision 26/2026/QĐ-TTg, Art. 4: province for 3–4★, the ministry for 5★). */
public enum CertificationLevel {
    /** Chủ tịch UBND cấp tỉnh. */
    PROVINCE,
    /** Bộ trưởng Bộ Nông nghiệp và Môi trường (5★). */
    CENTRAL
}
