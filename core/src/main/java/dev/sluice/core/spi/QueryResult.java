package dev.sluice.core.spi;

import java.util.Collections;
import java.util.List;

/**
 * Rows a query returned: column names, the database's type name of each column (e.g.
 * {@code jsonb}, {@code int4}; empty strings when unknown) and the values (JDBC objects: String,
 * Long, BigDecimal, ...; arrays as lists).
 */
public record QueryResult(List<String> columns, List<String> columnTypes, List<List<Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        columnTypes = List.copyOf(columnTypes);
        if (columnTypes.size() != columns.size()) {
            throw new IllegalArgumentException("columnTypes must have one type per column");
        }
        rows = Collections.unmodifiableList(rows);
    }

    /** Rows of columns whose types are not known. */
    public QueryResult(List<String> columns, List<List<Object>> rows) {
        this(columns, Collections.nCopies(columns.size(), ""), rows);
    }
}
