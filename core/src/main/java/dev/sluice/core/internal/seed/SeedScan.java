package dev.sluice.core.internal.seed;

import java.util.List;

/**
 * What the first pass over a seed file found: its columns and how many records it holds.
 *
 * @param rows records in the file, which is also the number COPY must load
 * @param ignoredColumnTypes {@code column_types} keys that match no column
 * @param copyAsIs true when COPY can read the file's own text (a clean CSV file), so the second
 *     pass need not parse and re-encode it
 */
record SeedScan(List<ScannedColumn> columns, long rows, List<String> ignoredColumnTypes, boolean copyAsIs) {
    SeedScan {
        columns = List.copyOf(columns);
        ignoredColumnTypes = List.copyOf(ignoredColumnTypes);
    }

    /**
     * One column.
     *
     * @param header the name as written in the file
     * @param name the table's column name
     * @param declaredType the {@code column_types} entry, or null
     * @param inferred the inferred type (text when every value is NULL), or null when declared
     * @param decidedAt where the value that settled the inferred type is (unknown when none did)
     * @param decidingValue that value, or null
     */
    record ScannedColumn(String header, String name, String declaredType, SeedColumnType inferred,
            Position decidedAt, String decidingValue) {
    }
}
