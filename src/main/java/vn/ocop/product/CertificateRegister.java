package vn.ocop.product;

/**
 * The certificates the platform itself issued, as the product module needs to know them: a rating recorded from a
 * province's earlier records must not take the number of one of them. Implemented by the certification module
 * (which depends on products, not the other way round).
 */
public interface CertificateRegister {

    /** Whether the platform issued a certificate with this number. */
    boolean issuedByPlatform(String number);
}
