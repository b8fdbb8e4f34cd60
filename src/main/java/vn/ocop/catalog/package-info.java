/**
 * The public OCOP portal's catalog: a read model of the products holding a certificate in force and of their
 * producers, fed by the product, producer and certification modules' events (withdrawals in the same transaction),
 * searched without accents and despite typos; the home page, catalog, product and producer pages, map, open data,
 * public API and sitemap.
 */
@NullMarked
@ApplicationModule(displayName = "Public catalog")
package vn.ocop.catalog;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
