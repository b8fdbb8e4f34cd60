/**
 * OCOP products: classification in the official tree (versioned), descriptive data, photos, e-commerce links, the
 * current star rating and certificate, the OCOP product code; spreadsheet import and export of the registry.
 */
@NullMarked
@ApplicationModule(displayName = "Products")
package vn.ocop.product;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
