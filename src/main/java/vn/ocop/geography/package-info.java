/**
 * Administrative units of Vietnam as versioned data: the current two-tier scheme (34 provinces, 3,321 communes since
 * 1/7/2025) and the legacy 63-province scheme, with the mapping from legacy to current units so that history rolls up.
 */
@NullMarked
@ApplicationModule(displayName = "Geography")
package vn.ocop.geography;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
