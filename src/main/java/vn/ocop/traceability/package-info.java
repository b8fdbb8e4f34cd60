/**
 * Traceability: production lots of certified products with their critical tracking events (TCVN 12850:2019, GS1
 * EPCIS 2.0), stamp batches with unguessable public codes and GS1 Digital Link QR labels, the public scan page and
 * GS1-conformant resolver, the scan log, and counterfeit signals for officers.
 */
@NullMarked
@ApplicationModule(displayName = "Traceability")
package vn.ocop.traceability;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
