package id.satupintu.schemas.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The warehouse tables, in creation order. Each has its DDL, with a {@code COMMENT ON} for the
 * table and every column, in {@code ddl/<table>.sql} beside this module's reference data.
 */
public final class WarehouseTables {
    public static final List<String> TABLES = List.of(
            "wilayah",
            "program",
            "validation_rule",
            "benefit_rate",
            "period",
            "person",
            "enrollment",
            "household_member",
            "household",
            "household_event",
            "file_manifest",
            "reject",
            "staged_flag",
            "link_event",
            "review_pair",
            "mart_recipients_kecamatan",
            "mart_spending_kecamatan",
            "dukcapil_event",
            "exclusion_list",
            "person_status",
            "enrollment_episode",
            "person_version",
            "mart_targeting_kecamatan",
            "mart_recipients_desa",
            "mart_program_overlap",
            "mart_changes_kecamatan",
            "dtsen_household",
            "mart_coverage_desil",
            "mart_unserved_kecamatan",
            "data_test_result");

    private WarehouseTables() {}

    public static String ddl(String table) {
        String resource = "/id/satupintu/schemas/ddl/" + table + ".sql";
        try (InputStream stream = WarehouseTables.class.getResourceAsStream(resource)) {
            if (stream == null) {
                throw new IllegalArgumentException("No DDL for table " + table);
            }
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
