package dev.sluice.core.internal.seed;

import static java.util.Objects.requireNonNull;

/**
 * A column of a loaded seed: its name in the table, its SQL type, and whether the type came from
 * {@code column_types} (otherwise it was inferred, or kept from the existing table).
 */
public record SeedColumn(String name, String type, boolean declared) {
    public SeedColumn {
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
    }
}
