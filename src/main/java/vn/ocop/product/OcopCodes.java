package vn.ocop.product;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * OCOP product codes {@code (T)-(X)-(STT)-year}: province code, commune code (Decision 19/2025/QĐ-TTg codes), the
 * commune's running number, and the year of first recognition (Decision 26/2026/QĐ-TTg). The running number comes
 * from a counter row per commune, incremented atomically so concurrent certifications never share a number.
 */
@Component
class OcopCodes {

    private final JdbcClient jdbc;

    OcopCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String next(String provinceCode, String communeCode, int year) {
        int number = jdbc.sql("""
                        INSERT INTO ocop_code_counter (commune_code, last_number) VALUES (?, 1)
                        ON CONFLICT (commune_code) DO UPDATE SET last_number = ocop_code_counter.last_number + 1
                        RETURNING last_number""").param(communeCode).query(Integer.class).single();
        return format(provinceCode, communeCode, number, year);
    }

    /** Reserves {@code count} consecutive running numbers of a commune at once (imports); returns the first. */
    int reserve(String communeCode, int count) {
        int last = jdbc.sql("""
                        INSERT INTO ocop_code_counter (commune_code, last_number) VALUES (?, ?)
                        ON CONFLICT (commune_code) DO UPDATE SET last_number = ocop_code_counter.last_number + ?
                        RETURNING last_number""")
                .params(communeCode, count, count)
                .query(Integer.class)
                .single();
        return last - count + 1;
    }

    static String format(String provinceCode, String communeCode, int number, int year) {
        return "%s-%s-%03d-%d".formatted(provinceCode, communeCode, number, year);
    }
}
