/**
 * Trade promotion: OCOP display and sales points and the products they stock, fairs and trade events with the
 * producers taking part, and buyers' inquiries to producers (supply-demand connection) with their counts for the
 * provinces; it adds "where to buy" and upcoming fairs to the public portal through {@link
 * vn.ocop.catalog.PublicContent}.
 */
@NullMarked
@ApplicationModule(displayName = "Trade promotion")
package vn.ocop.trade;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
