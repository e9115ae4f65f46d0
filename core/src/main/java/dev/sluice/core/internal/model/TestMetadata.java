package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a generic test node runs: the test ({@code not_null}), its macro namespace (null for the
 * project's or dbt's own), the arguments from the property file as written (Jinja in them renders
 * when the test compiles), the column it is on, and the node or source it tests.
 */
public record TestMetadata(String name, String namespace, Map<String, Object> kwargs, String columnName,
        String attachedNode) {
    public TestMetadata {
        requireNonNull(name, "name is null");
        kwargs = Collections.unmodifiableMap(new LinkedHashMap<>(kwargs));
    }
}
