package dev.sluice.core.internal.seed;

import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** The statements a seed load runs; every name goes through {@link Dialect#quote}. */
final class SeedSql {
    /** PostgreSQL cuts longer names (NAMEDATALEN - 1), which could make a temporary name the target's. */
    private static final int MAX_IDENTIFIER_BYTES = 63;
    static final String TEMP_SUFFIX = "__sluice_tmp";

    private SeedSql() {
    }

    static String createTable(Dialect d, Relation table, List<String> names, List<String> types) {
        StringBuilder sb = new StringBuilder("create table ").append(d.render(table)).append(" (");
        for (int i = 0; i < names.size(); i++) {
            sb.append(i == 0 ? "\n  " : ",\n  ").append(d.quote(names.get(i))).append(' ').append(types.get(i));
        }
        return sb.append("\n)").toString();
    }

    static String copy(Dialect d, Relation table, List<String> names) {
        return "copy " + d.render(table) + " (" + names.stream().map(d::quote).collect(Collectors.joining(", "))
                + ") from stdin with (format csv)";
    }

    /**
     * COPY reading a seed file's own CSV text: its header line skipped, its delimiter, and quoted
     * empty fields NULL like unquoted ones (as Sluice reads CSV).
     */
    static String copyAsIs(Dialect d, Relation table, List<String> names, char delimiter) {
        String columns = names.stream().map(d::quote).collect(Collectors.joining(", "));
        return "copy " + d.render(table) + " (" + columns + ") from stdin with (format csv, header true, delimiter "
                + d.literal(String.valueOf(delimiter)) + ", force_null (" + columns + "))";
    }

    static String truncate(Dialect d, Relation table) {
        return "truncate table " + d.render(table);
    }

    /** {@code identifier + suffix}, cutting the identifier so the whole stays within 63 UTF-8 bytes. */
    static String tempIdentifier(String identifier) {
        int budget = MAX_IDENTIFIER_BYTES - TEMP_SUFFIX.length();
        String base = identifier;
        while (base.getBytes(StandardCharsets.UTF_8).length > budget) {
            base = base.substring(0, base.offsetByCodePoints(base.length(), -1));
        }
        return base + TEMP_SUFFIX;
    }
}
