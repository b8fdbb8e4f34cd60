package vn.ocop.identity;

import org.jspecify.annotations.Nullable;

/**
 * The part of the data a user may list, as a filter for queries: {@code ALL}, one {@code PROVINCE} or
 * {@code COMMUNE} (by code), one {@code PRODUCER} (by id), or {@code NONE}.
 */
public record DataScope(
        Kind kind, @Nullable String unitCode, @Nullable Long producerId) {

    public enum Kind {
        ALL,
        PROVINCE,
        COMMUNE,
        PRODUCER,
        NONE
    }

    public static final DataScope ALL = new DataScope(Kind.ALL, null, null);
    public static final DataScope NONE = new DataScope(Kind.NONE, null, null);

    public static DataScope province(String code) {
        return new DataScope(Kind.PROVINCE, code, null);
    }

    public static DataScope commune(String code) {
        return new DataScope(Kind.COMMUNE, code, null);
    }

    public static DataScope producer(long id) {
        return new DataScope(Kind.PRODUCER, null, id);
    }

    /** The scope's province code, or {@code null}. */
    public @Nullable String provinceCode() {
        return kind == Kind.PROVINCE ? unitCode : null;
    }

    /** The scope's commune code, or {@code null}. */
    public @Nullable String communeCode() {
        return kind == Kind.COMMUNE ? unitCode : null;
    }

    /** The scope's producer id, or {@code null}. */
    public @Nullable Long producerIdOrNull() {
        return kind == Kind.PRODUCER ? producerId : null;
    }
}
