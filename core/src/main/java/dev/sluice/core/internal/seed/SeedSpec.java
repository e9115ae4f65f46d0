package dev.sluice.core.internal.seed;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.spi.Relation;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One seed to load: its name, the file on disk, the path shown in messages (relative to the
 * project, e.g. {@code seeds/drugs.csv}), the table it becomes (after {@code schema} and
 * {@code alias}), and dbt's seed configs.
 *
 * @param columnTypes {@code column_types}: header name to SQL type; wins over inference
 * @param quoteColumns {@code quote_columns} (dbt's default on PostgreSQL is true); when false,
 *     names are folded to lower case as PostgreSQL folds unquoted identifiers
 * @param delimiter {@code delimiter} of CSV files (ignored for JSON)
 * @param fullRefresh {@code --full-refresh}: rebuild the table even when it exists
 */
public record SeedSpec(String name, Path path, String originalFilePath, Relation target,
        Map<String, String> columnTypes, boolean quoteColumns, char delimiter, boolean fullRefresh) {
    public SeedSpec {
        requireNonNull(name, "name is null");
        requireNonNull(path, "path is null");
        requireNonNull(originalFilePath, "originalFilePath is null");
        requireNonNull(target, "target is null");
        columnTypes = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(columnTypes, "columnTypes is null")));
    }

    /** A seed with dbt's defaults: no column types, quoted columns, comma-delimited, no full refresh. */
    public static SeedSpec of(String name, Path path, String originalFilePath, Relation target) {
        return new SeedSpec(name, path, originalFilePath, target, Map.of(), true, ',', false);
    }

    public SeedSpec withColumnTypes(Map<String, String> types) {
        return new SeedSpec(name, path, originalFilePath, target, types, quoteColumns, delimiter, fullRefresh);
    }

    public SeedSpec withQuoteColumns(boolean quote) {
        return new SeedSpec(name, path, originalFilePath, target, columnTypes, quote, delimiter, fullRefresh);
    }

    public SeedSpec withDelimiter(char d) {
        return new SeedSpec(name, path, originalFilePath, target, columnTypes, quoteColumns, d, fullRefresh);
    }

    public SeedSpec withFullRefresh(boolean refresh) {
        return new SeedSpec(name, path, originalFilePath, target, columnTypes, quoteColumns, delimiter, refresh);
    }

    public SeedFormat format() {
        return SeedFormat.of(path);
    }
}
