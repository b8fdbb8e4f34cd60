package vn.ocop.product;

/** The product that holds an OCOP code and its producer, to check an import against. */
public record ProductOwner(String ocopCode, long productId, String productName, long producerId, String taxCode) {}
