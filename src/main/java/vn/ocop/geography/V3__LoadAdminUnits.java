package vn.ocop.geography;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.springframework.stereotype.Component;

/**
 * Loads the administrative-unit CSV files (copied from the project's shared data, see {@code db/data/admin-units/
 * README.md} for sources and licences) with PostgreSQL's own CSV parser ({@code COPY}) into staging tables, then into
 * {@code admin_unit} and {@code admin_unit_mapping}; then adds the tree's foreign keys and the search index, which
 * validate in one pass each instead of row by row. Runs once, inside Flyway's transaction.
 */
@Component
class V3__LoadAdminUnits extends BaseJavaMigration {

    private static final String DATA = "/db/data/admin-units/";

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        try (Statement sql = connection.createStatement()) {
            sql.execute("""
                    CREATE TEMP TABLE stage_province_2025 (code text, name text, full_name text, type text, type_en text,
                        slug text, name_ascii text, legacy_province_codes text, commune_count int) ON COMMIT DROP;
                    CREATE TEMP TABLE stage_commune_2025 (code text, name text, full_name text, type text, type_en text,
                        province_code text, slug text, name_ascii text) ON COMMIT DROP;
                    CREATE TEMP TABLE stage_province_legacy (code text, name text, full_name text, type text,
                        type_en text, slug text, name_ascii text, region text, new_province_code text) ON COMMIT DROP;
                    CREATE TEMP TABLE stage_district_legacy (code text, name text, full_name text, type text,
                        type_en text, province_code text, slug text, name_ascii text) ON COMMIT DROP;
                    CREATE TEMP TABLE stage_commune_legacy (code text, name text, full_name text, type text,
                        type_en text, district_code text, province_code text, slug text, name_ascii text) ON COMMIT DROP;
                    CREATE TEMP TABLE stage_mapping (level text, legacy_code text, legacy_full_name text,
                        legacy_district_code text, legacy_province_code text, new_code text, new_full_name text,
                        new_province_code text, coverage text, in_legacy_list text) ON COMMIT DROP;
                    """);
            load(copy, "stage_province_2025", "provinces-2025.csv");
            load(copy, "stage_commune_2025", "communes-2025.csv");
            load(copy, "stage_province_legacy", "provinces-legacy.csv");
            load(copy, "stage_district_legacy", "districts-legacy.csv");
            load(copy, "stage_commune_legacy", "communes-legacy.csv");
            load(copy, "stage_mapping", "mapping-legacy-to-2025.csv");
            sql.execute("""
                    INSERT INTO admin_unit (edition, level, code, name, full_name, unit_type, unit_type_en,
                                            parent_code, province_code, name_ascii)
                    SELECT '2025', 'province', code, name, full_name, type, type_en, NULL, code, name_ascii
                      FROM stage_province_2025;
                    INSERT INTO admin_unit (edition, level, code, name, full_name, unit_type, unit_type_en,
                                            parent_code, province_code, name_ascii)
                    SELECT '2025', 'commune', code, name, full_name, type, type_en, province_code, province_code,
                           name_ascii
                      FROM stage_commune_2025;
                    INSERT INTO admin_unit (edition, level, code, name, full_name, unit_type, unit_type_en,
                                            parent_code, province_code, name_ascii, region)
                    SELECT 'legacy', 'province', code, name, full_name, type, type_en, NULL, code, name_ascii, region
                      FROM stage_province_legacy;
                    INSERT INTO admin_unit (edition, level, code, name, full_name, unit_type, unit_type_en,
                                            parent_code, province_code, name_ascii)
                    SELECT 'legacy', 'district', code, name, full_name, type, type_en, province_code, province_code,
                           name_ascii
                      FROM stage_district_legacy;
                    INSERT INTO admin_unit (edition, level, code, name, full_name, unit_type, unit_type_en,
                                            parent_code, province_code, name_ascii)
                    SELECT 'legacy', 'commune', code, name, full_name, type, type_en, district_code, province_code,
                           name_ascii
                      FROM stage_commune_legacy;
                    INSERT INTO admin_unit_mapping (legacy_edition, legacy_level, legacy_code, new_edition, new_code,
                                                    coverage, in_legacy_list)
                    SELECT 'legacy', level, legacy_code, '2025', new_code, coverage, in_legacy_list = 'yes'
                      FROM stage_mapping;
                    ANALYZE admin_unit;
                    ANALYZE admin_unit_mapping;
                    ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_parent_fk
                        FOREIGN KEY (edition, parent_code) REFERENCES admin_unit (edition, code);
                    ALTER TABLE admin_unit ADD CONSTRAINT admin_unit_province_fk
                        FOREIGN KEY (edition, province_code) REFERENCES admin_unit (edition, code);
                    ALTER TABLE admin_unit_mapping ADD CONSTRAINT admin_unit_mapping_new_fk
                        FOREIGN KEY (new_edition, new_code) REFERENCES admin_unit (edition, code);
                    CREATE INDEX admin_unit_name_search_ix ON admin_unit USING gin (ocop_fold(name) gin_trgm_ops);
                    """);
        }
    }

    private static void load(CopyManager copy, String table, String file) throws IOException, SQLException {
        try (InputStream in = V3__LoadAdminUnits.class.getResourceAsStream(DATA + file)) {
            if (in == null) {
                throw new IllegalStateException("Missing data file " + DATA + file);
            }
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                copy.copyIn("COPY " + table + " FROM STDIN WITH (FORMAT csv, HEADER true)", reader);
            }
        }
    }
}
