/**
 * Protection of anonymous forms (buyer inquiries, producer sign-up) without third-party services: limits per client
 * address and per e-mail address counted in PostgreSQL so that every app node shares them ({@link
 * vn.ocop.shared.abuse.RateLimits}), and signed form tokens carrying a check question, a minimum fill time and a
 * hidden field that people leave empty ({@link vn.ocop.shared.abuse.FormGuard}).
 */
@NullMarked
package vn.ocop.shared.abuse;

import org.jspecify.annotations.NullMarked;
