package dev.sluice.core.spi;

import java.util.List;

/** Rows a query returned: column names and values (JDBC objects: String, Long, BigDecimal, ...). */
public record QueryResult(List<String> columns, List<List<Object>> rows) {
    public QueryResult {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }
}
