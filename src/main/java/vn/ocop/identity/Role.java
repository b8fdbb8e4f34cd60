package vn.ocop.identity;

/**
 * What a user is in the OCOP programme. Anonymous visitors (the public, buyers scanning a QR code) have no account and
 * no role: they see only public pages and public API endpoints.
 */
public enum Role {
    /** Runs the platform: users, reference data, audit. Nationwide. */
    SYSTEM_ADMIN(true),
    /** Central OCOP coordination office (Văn phòng Điều phối NTM Trung ương). Nationwide. */
    CENTRAL_OFFICE(true),
    /** Provincial OCOP officer (tỉnh). Acts inside one province. */
    PROVINCE_OFFICER(false),
    /** Commune officer (xã/phường/đặc khu). Acts inside one commune. */
    COMMUNE_OFFICER(false),
    /** Member of an evaluation council at province or central level. */
    COUNCIL_MEMBER(false),
    /** A producer's (chủ thể OCOP) account: acts on its own producer and products only. */
    PRODUCER(false);

    private final boolean nationwide;

    Role(boolean nationwide) {
        this.nationwide = nationwide;
    }

    /** Whether the role's jurisdiction is the whole country (no admin unit). */
    public boolean nationwide() {
        return nationwide;
    }

    /** Whether an account with this role must have a jurisdiction (an administrative unit). */
    public boolean requiresJurisdiction() {
        return this == PROVINCE_OFFICER || this == COMMUNE_OFFICER;
    }
}
