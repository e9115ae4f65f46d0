package dev.sluice.core.internal.seed;

import java.nio.file.Path;
import java.util.Locale;

/** How a seed file is written, by its extension. */
public enum SeedFormat {
    /** {@code .csv}: a header line, then one record per line (RFC 4180 quoting). */
    CSV,
    /** {@code .json}: one array of objects. */
    JSON,
    /** {@code .jsonl} or {@code .ndjson}: one object per line. */
    JSON_LINES;

    public static SeedFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return JSON_LINES;
        }
        return name.endsWith(".json") ? JSON : CSV;
    }

    /** True for the extensions seeds may have. */
    public static boolean isSeedFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".jsonl") || name.endsWith(".ndjson");
    }
}
