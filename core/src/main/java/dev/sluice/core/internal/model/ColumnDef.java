package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/** A column as a YAML property file describes it. */
public record ColumnDef(String name, String description, String dataType, Map<String, Object> meta, List<String> tags,
        List<Object> tests) {
    public ColumnDef {
        requireNonNull(name, "name is null");
        description = description == null ? "" : description;
        meta = meta == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        tags = tags == null ? List.of() : List.copyOf(tags);
        tests = tests == null ? List.of() : List.copyOf(tests);
    }
}
