package dev.sluice.core.spi;

import static java.util.Objects.requireNonNull;

/** A column of a relation as the database describes it. */
public record Column(String name, String dataType, int ordinal) {
    public Column {
        requireNonNull(name, "name is null");
        requireNonNull(dataType, "dataType is null");
    }
}
