package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.Constraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Columns as dbt writes them in nodes and sources, and the primary key dbt infers from their tests. */
final class ColumnJson {
    private ColumnJson() {
    }

    static Map<String, Object> columns(Map<String, ColumnDef> columns, DocRefs docRefs, String packageName) {
        Map<String, Object> out = new LinkedHashMap<>();
        columns.forEach((key, c) -> out.put(key, column(c, docRefs, packageName)));
        return out;
    }

    static Map<String, Object> column(ColumnDef c, DocRefs docRefs, String packageName) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("description", c.description());
        m.put("meta", c.meta());
        m.put("data_type", c.dataType());
        m.put("constraints", ContractJson.constraints(c.constraints(), false));
        m.put("quote", c.quote());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("meta", c.meta());
        config.put("tags", c.tags());
        m.put("config", config);
        m.put("tags", c.tags());
        m.put("granularity", null);
        m.put("doc_blocks", docRefs.of(c.description(), packageName));
        return m;
    }

    /**
     * dbt's {@code primary_key} for a model without constraints: the columns tested both
     * {@code unique} and {@code not_null}; failing those, the one column tested {@code unique}.
     */
    static List<String> primaryKey(Map<String, ColumnDef> columns) {
        return primaryKey(List.of(), columns);
    }

    /**
     * dbt's {@code primary_key}: a model-level primary key constraint's columns, else the column
     * with a primary key constraint, else as the tests say.
     */
    static List<String> primaryKey(List<Constraint> modelLevel, Map<String, ColumnDef> columns) {
        for (Constraint c : modelLevel) {
            if (c.type() == Constraint.Type.PRIMARY_KEY) {
                return c.columns();
            }
        }
        for (ColumnDef c : columns.values()) {
            if (c.constraints().stream().anyMatch(x -> x.type() == Constraint.Type.PRIMARY_KEY)) {
                return List.of(c.name());
            }
        }
        TreeSet<String> unique = new TreeSet<>();
        TreeSet<String> notNull = new TreeSet<>();
        for (ColumnDef c : columns.values()) {
            for (Object test : c.tests()) {
                String name = testName(test);
                if ("unique".equals(name)) {
                    unique.add(c.name());
                } else if ("not_null".equals(name)) {
                    notNull.add(c.name());
                }
            }
        }
        TreeSet<String> both = new TreeSet<>(unique);
        both.retainAll(notNull);
        if (!both.isEmpty()) {
            return new ArrayList<>(both);
        }
        return unique.size() == 1 ? List.of(unique.first()) : List.of();
    }

    /** {@code unique}, {@code {unique: {...}}}, {@code {name: ..., test_name: unique}} or {@code dbt.unique}: unique. */
    static String testName(Object test) {
        String name = null;
        if (test instanceof String s) {
            name = s;
        } else if (test instanceof Map<?, ?> m) {
            if (m.get("test_name") != null) {
                name = m.get("test_name").toString();
            } else if (m.size() == 1) {
                name = String.valueOf(m.keySet().iterator().next());
            }
        }
        if (name == null) {
            return null;
        }
        int dot = name.lastIndexOf('.');
        return dot >= 0 ? name.substring(dot + 1) : name;
    }
}
