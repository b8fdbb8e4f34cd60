/**
 * Users, roles and jurisdictions; login, API tokens and lockout; and the {@link vn.ocop.identity.AccessPolicy} every
 * module asks "may this user do this to a thing located there".
 */
@NullMarked
@ApplicationModule(displayName = "Identity")
package vn.ocop.identity;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
