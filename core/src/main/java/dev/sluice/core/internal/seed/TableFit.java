package dev.sluice.core.internal.seed;

import dev.sluice.core.internal.seed.SeedScan.ScannedColumn;
import dev.sluice.core.spi.Column;
import java.util.List;
import java.util.Locale;

/**
 * Whether an existing seed table can take the file's rows without a rebuild: the same column
 * names in the same order, and, for inferred columns, a table type that holds the file's values
 * without loss (so {@code 007} never lands in an integer column as 7). Types Sluice does not
 * infer ({@code column_types} choices) are left to the database to judge.
 */
final class TableFit {
    private TableFit() {
    }

    /** Why the table does not fit, or null when it does. */
    static String mismatch(List<Column> table, SeedScan scan) {
        List<String> have = table.stream().map(Column::name).toList();
        List<String> want = scan.columns().stream().map(ScannedColumn::name).toList();
        if (!have.equals(want)) {
            return "its columns are (" + String.join(", ", have) + ") but the file's are (" + String.join(", ", want) + ")";
        }
        for (int i = 0; i < want.size(); i++) {
            ScannedColumn c = scan.columns().get(i);
            String type = table.get(i).dataType();
            if (c.inferred() != null && c.decidingValue() != null && !holds(type, c.inferred())) {
                return "column " + SeedErrors.show(c.name()) + " is " + type + " in the table, but line "
                        + c.decidedAt().line() + " holds " + SeedErrors.show(c.decidingValue()) + ", which needs "
                        + c.inferred().name().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    static boolean holds(String tableType, SeedColumnType inferred) {
        SeedColumnType have = known(tableType);
        if (have == null || have == SeedColumnType.TEXT) {
            return true;
        }
        if (have == SeedColumnType.JSON) {
            return inferred == SeedColumnType.JSON || inferred.isNumber() || inferred == SeedColumnType.BOOLEAN;
        }
        return SeedColumnType.merge(inferred, have) == have;
    }

    /** The inferable type a database type name stands for, or null for others. */
    private static SeedColumnType known(String tableType) {
        return switch (tableType.toLowerCase(Locale.ROOT).trim()) {
            case "integer", "int", "int4" -> SeedColumnType.INTEGER;
            case "bigint", "int8" -> SeedColumnType.BIGINT;
            case "numeric", "decimal" -> SeedColumnType.NUMERIC;
            case "boolean", "bool" -> SeedColumnType.BOOLEAN;
            case "date" -> SeedColumnType.DATE;
            case "timestamp", "timestamp without time zone" -> SeedColumnType.TIMESTAMP;
            case "timestamptz", "timestamp with time zone" -> SeedColumnType.TIMESTAMPTZ;
            case "json", "jsonb" -> SeedColumnType.JSON;
            case "text", "character varying", "varchar" -> SeedColumnType.TEXT;
            default -> null;
        };
    }
}
