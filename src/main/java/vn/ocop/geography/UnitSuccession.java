package vn.ocop.geography;

/**
 * Where a legacy unit went in the current scheme.
 *
 * @param legacyCode the legacy unit's code
 * @param legacyName the legacy unit's full name, when known
 * @param current the current unit that took over (all or part of) it
 * @param coverage {@code full} when the whole legacy unit went into {@code current}, {@code partial} when it was split
 */
public record UnitSuccession(String legacyCode, String legacyName, AdminUnit current, String coverage) {}
