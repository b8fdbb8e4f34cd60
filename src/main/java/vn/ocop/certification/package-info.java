/**
 * Recognition decisions and OCOP certificates: issue for 3★ and above (province 3–4★, ministry 5★), 36 months'
 * validity, Ed25519-signed content, PDF with a QR code to the public verification page, expiry reminders, expiry,
 * revocation, history.
 */
@NullMarked
@ApplicationModule(displayName = "Certification")
package vn.ocop.certification;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
