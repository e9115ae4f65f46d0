package dev.sluice.core.internal.execute;

import dev.sluice.core.spi.Column;
import dev.sluice.core.spi.Dialect;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The SQL of a unit test, as dbt builds it: mocked inputs as {@code select cast(value as type) as
 * column ... union all ...} over every column of the real relation (absent values are null), the
 * expected rows cast to the types of the model's output, and a query returning the rows that
 * differ: those only in the actual output and those only in the expected rows (multisets, order
 * ignored).
 */
public final class UnitTestSql {
    /** The column telling which side a differing row comes from. */
    public static final String WHICH = "dbt_internal_unit_test_side";

    private UnitTestSql() {
    }

    /**
     * Rows as a query with {@code columns} (name and type) in order. {@code unknown} is told a
     * row's column that is not among {@code columns} and returns the exception to throw.
     */
    public static String rows(List<Map<String, Object>> rows, List<Column> columns, Dialect d,
            Function<String, RuntimeException> unknown) {
        for (Map<String, Object> row : rows) {
            for (String key : row.keySet()) {
                if (find(columns, key) == null) {
                    throw unknown.apply(key);
                }
            }
        }
        if (rows.isEmpty()) {
            List<String> nulls = new ArrayList<>();
            for (Column c : columns) {
                nulls.add("cast(null as " + c.dataType() + ") as " + d.quote(c.name()));
            }
            return "select " + String.join(", ", nulls) + " limit 0";
        }
        List<String> selects = new ArrayList<>();
        for (Map<String, Object> row : rows) {
            List<String> values = new ArrayList<>();
            for (Column c : columns) {
                Object v = valueOf(row, c.name());
                values.add("cast(" + literal(v, d) + " as " + c.dataType() + ") as " + d.quote(c.name()));
            }
            selects.add("select " + String.join(", ", values));
        }
        return String.join("\nunion all\n", selects);
    }

    /** The columns the expected rows name, in the order they first appear, typed as the model's output. */
    public static List<Column> expectedColumns(List<Map<String, Object>> rows, List<Column> output,
            Function<String, RuntimeException> unknown) {
        Set<String> names = new LinkedHashSet<>();
        rows.forEach(r -> names.addAll(r.keySet()));
        return columnsNamed(names, output, unknown);
    }

    /** The model's output columns of these names, in this order; {@code unknown} is told a name the model lacks. */
    public static List<Column> columnsNamed(java.util.Collection<String> names, List<Column> output,
            Function<String, RuntimeException> unknown) {
        List<Column> out = new ArrayList<>();
        for (String name : names) {
            Column c = find(output, name);
            if (c == null) {
                throw unknown.apply(name);
            }
            out.add(new Column(c.name(), c.dataType(), out.size() + 1));
        }
        return out;
    }

    /**
     * The differing rows of {@code modelSql} (restricted to {@code columns}) and {@code expectedSql}:
     * first column {@link #WHICH} ('actual' or 'expected'), then the columns.
     */
    public static String diff(String modelSql, String expectedSql, List<Column> columns, Dialect d) {
        List<String> quoted = new ArrayList<>();
        columns.forEach(c -> quoted.add(d.quote(c.name())));
        String cols = String.join(", ", quoted);
        return "with dbt_internal_unit_test_actual as (\n    select " + cols + " from (\n" + modelSql.strip()
                + "\n    ) as dbt_internal_unit_test_model\n), dbt_internal_unit_test_expected as (\n    select " + cols
                + " from (\n" + expectedSql.strip() + "\n    ) as dbt_internal_unit_test_rows\n)\n"
                + "select 'actual' as " + WHICH + ", * from (select * from dbt_internal_unit_test_actual except all "
                + "select * from dbt_internal_unit_test_expected) as a\nunion all\n"
                + "select 'expected' as " + WHICH + ", * from (select * from dbt_internal_unit_test_expected except all "
                + "select * from dbt_internal_unit_test_actual) as e";
    }

    /** A YAML value as a SQL literal (cast afterwards to the column's type). */
    static String literal(Object v, Dialect d) {
        if (v == null) {
            return "null";
        }
        if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof java.math.BigInteger
                || v instanceof java.math.BigDecimal) {
            return String.valueOf(v);
        }
        if (v instanceof Double f) {
            return f.isNaN() || f.isInfinite() ? d.literal(String.valueOf(f)) : String.valueOf(f);
        }
        if (v instanceof java.util.Date date) {
            return d.literal(date.toInstant().toString());
        }
        if (v instanceof Map<?, ?> || v instanceof List<?>) {
            try {
                return d.literal(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(v));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                return d.literal(String.valueOf(v));
            }
        }
        return d.literal(String.valueOf(v));
    }

    private static Object valueOf(Map<String, Object> row, String column) {
        if (row.containsKey(column)) {
            return row.get(column);
        }
        for (Map.Entry<String, Object> e : row.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        return null;
    }

    private static Column find(List<Column> columns, String name) {
        for (Column c : columns) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        for (Column c : columns) {
            if (c.name().toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
                return c;
            }
        }
        return null;
    }

    /** The differing rows as a table: {@code +++} rows only the model returned, {@code ---} rows it should have. */
    public static String describe(List<String> columns, List<List<Object>> rows) {
        List<String> header = new ArrayList<>();
        header.add("@@");
        header.addAll(columns);
        List<List<String>> lines = new ArrayList<>();
        lines.add(header);
        for (List<Object> r : rows) {
            List<String> line = new ArrayList<>();
            line.add("actual".equals(r.get(0)) ? "+++" : "---");
            for (int i = 1; i < r.size(); i++) {
                line.add(String.valueOf(r.get(i)));
            }
            lines.add(line);
        }
        int[] width = new int[header.size()];
        for (List<String> l : lines) {
            for (int i = 0; i < l.size(); i++) {
                width[i] = Math.max(width[i], l.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder("actual differs from expected (+++ only in the model's rows, --- only in"
                + " the expected rows):\n");
        for (List<String> l : lines) {
            out.append('\n');
            for (int i = 0; i < l.size(); i++) {
                out.append(i == 0 ? "" : " | ").append(String.format(Locale.ROOT, "%-" + width[i] + "s", l.get(i)));
            }
        }
        return out.toString().replaceAll(" +\n", "\n").stripTrailing();
    }
}
