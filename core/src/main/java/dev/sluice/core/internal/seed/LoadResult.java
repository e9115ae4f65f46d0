package dev.sluice.core.internal.seed;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.spi.Relation;
import java.util.List;

/**
 * What loading a seed did.
 *
 * @param relation the table now holding the seed
 * @param rows rows loaded
 * @param columns the table's columns in order, with their types
 * @param rebuilt true when the table was (re)created; false when an existing table was emptied
 *     and refilled, keeping its column types, grants and the views that depend on it
 * @param ignoredColumnTypes {@code column_types} keys matching no column of this seed (dbt
 *     ignores them too; worth a warning, as they are often typos)
 */
public record LoadResult(Relation relation, long rows, List<SeedColumn> columns, boolean rebuilt,
        List<String> ignoredColumnTypes) {
    public LoadResult {
        requireNonNull(relation, "relation is null");
        columns = List.copyOf(columns);
        ignoredColumnTypes = List.copyOf(ignoredColumnTypes);
    }
}
