package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A column as a YAML property file describes it.
 *
 * @param quote dbt's {@code quote}: true to quote the name in the DDL a contract writes; null when unset
 * @param constraints the column's constraints, applied when the model's contract is enforced
 */
public record ColumnDef(String name, String description, String dataType, Map<String, Object> meta, List<String> tags,
        List<Object> tests, Boolean quote, List<Constraint> constraints) {
    public ColumnDef {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        tags = tags == null ? List.of() : List.copyOf(tags);
        tests = tests == null ? List.of() : List.copyOf(tests);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A column without {@code quote} or constraints. */
    public ColumnDef(String name, String description, String dataType, Map<String, Object> meta, List<String> tags,
            List<Object> tests) {
        this(name, description, dataType, meta, tags, tests, null, List.of());
    }

    /** This column with other constraints (rendered, for instance). */
    public ColumnDef withConstraints(List<Constraint> newConstraints) {
        return new ColumnDef(name, description, dataType, meta, tags, tests, quote, newConstraints);
    }
}
