package dev.sluice.core.internal.context;

import dev.sluice.core.spi.QueryResult;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * What {@code run_query()} returns, shaped like the agate table dbt returns: {@code rows}
 * (each indexable by position or column name), {@code columns} (each with {@code name} and
 * {@code values()}), {@code column_names}; iterating it iterates the rows.
 */
public final class QueryTable implements JinjaObject, Iterable<Object> {
    private final QueryResult result;
    private final List<Object> rows;
    private final List<Object> columns;

    public QueryTable(QueryResult result) {
        this.result = result;
        this.rows = new ArrayList<>();
        for (List<Object> r : result.rows()) {
            rows.add(new Row(result.columns(), r));
        }
        this.columns = new ArrayList<>();
        for (int i = 0; i < result.columns().size(); i++) {
            columns.add(new ColumnValues(result.columns().get(i), i));
        }
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "rows" -> rows;
            case "columns" -> columns;
            case "column_names" -> result.columns();
            case "print_table" -> (JinjaCallable) (cc, args) -> "";
            default -> ABSENT;
        };
    }

    @Override
    public Object item(Object key) {
        return key instanceof Number n ? rows.get(n.intValue()) : ABSENT;
    }

    @Override
    public Iterator<Object> iterator() {
        return rows.iterator();
    }

    @Override
    public String typeName() {
        return "Table";
    }

    /** A row: {@code row[0]}, {@code row['name']}, {@code row.name}, iterable over its values. */
    private record Row(List<String> names, List<Object> values) implements JinjaObject, Iterable<Object> {
        @Override
        public Object item(Object key) {
            if (key instanceof Number n) {
                int i = n.intValue() < 0 ? values.size() + n.intValue() : n.intValue();
                return i >= 0 && i < values.size() ? values.get(i) : ABSENT;
            }
            int i = names.indexOf(String.valueOf(key));
            return i < 0 ? ABSENT : values.get(i);
        }

        @Override
        public Object attribute(String name) {
            int i = names.indexOf(name);
            return i < 0 ? ABSENT : values.get(i);
        }

        @Override
        public Iterator<Object> iterator() {
            return values.iterator();
        }

        @Override
        public String typeName() {
            return "Row";
        }
    }

    /** A column: {@code name}, and {@code values()}, the column's values in row order. */
    private final class ColumnValues implements JinjaObject {
        private final String name;
        private final int index;

        ColumnValues(String name, int index) {
            this.name = name;
            this.index = index;
        }

        @Override
        public Object attribute(String attr) {
            return switch (attr) {
                case "name" -> name;
                case "values" -> (JinjaCallable) (cc, args) -> {
                    List<Object> out = new ArrayList<>();
                    for (List<Object> r : result.rows()) {
                        out.add(r.get(index));
                    }
                    return out;
                };
                default -> ABSENT;
            };
        }

        @Override
        public String typeName() {
            return "Column";
        }
    }
}
