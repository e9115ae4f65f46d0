package dev.sluice.core.internal.seed;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The column names a seed's table gets: as written when {@code quote_columns} is true (dbt's
 * default on PostgreSQL), folded to lower case like PostgreSQL folds unquoted identifiers when
 * false. Either way they reach SQL only through {@link dev.sluice.core.spi.Dialect#quote}.
 */
final class ColumnNames {
    private ColumnNames() {
    }

    /** The table's column names; fails on empty names and on two columns with one name. */
    static List<String> resolve(SeedSpec spec, SeedReader reader) {
        List<String> headers = reader.columns();
        boolean csv = reader.columnsKnownUpFront();
        if (headers.isEmpty()) {
            throw SeedErrors.at(spec, "empty", Position.UNKNOWN,
                    "the file holds no keys, so it defines no columns; a JSON seed needs at least one object with keys");
        }
        List<String> names = new ArrayList<>(headers.size());
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            String header = headers.get(i);
            String what = csv ? "column " + (i + 1) + " of the header" : "key " + SeedErrors.show(header);
            if (header.isBlank()) {
                throw SeedErrors.at(spec, "header", reader.columnPosition(i), csv
                        ? what + " has no name; name every column"
                        : "an object has an empty key; every key becomes a column name, so name it");
            }
            String name = name(spec, header);
            Integer previous = seen.putIfAbsent(name, i);
            if (previous != null) {
                String other = headers.get(previous);
                String same = csv ? what + ", " + SeedErrors.show(header) + ", repeats column " + (previous + 1)
                        : what + " repeats key " + SeedErrors.show(other);
                String reason = other.equals(header) ? same + "; give each column its own name"
                        : same + " (" + SeedErrors.show(other) + ") once quote_columns: false folds names to lower"
                                + " case; rename one, or set quote_columns: true";
                throw SeedErrors.at(spec, "header", reader.columnPosition(i), reason);
            }
            names.add(name);
        }
        return names;
    }

    static String name(SeedSpec spec, String header) {
        return spec.quoteColumns() ? header : foldCase(header);
    }

    /** ASCII letters to lower case, as PostgreSQL folds unquoted identifiers in UTF-8 databases. */
    static String foldCase(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return sb == null ? s : sb.toString();
    }
}
