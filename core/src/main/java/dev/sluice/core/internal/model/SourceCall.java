package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

/** A {@code source('source_name', 'table_name')} a node makes, with the line of the call. */
public record SourceCall(String sourceName, String tableName, int line) {
    public SourceCall {
        requireNonNull(sourceName, "sourceName is null");
        requireNonNull(tableName, "tableName is null");
    }
}
