package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A macro: where it was defined and its source. {@code packageName} is the project's name for
 * project macros and {@code dbt} for Sluice's own implementations of dbt's global macros.
 */
public record MacroDef(String uniqueId, String name, String packageName, String path, String originalFilePath,
        String macroSql, List<String> arguments, String description, List<String> dependsOnMacros, int line,
        double createdAt) {
    public MacroDef {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(name, "name is null");
        arguments = List.copyOf(arguments);
        description = description == null ? "" : description;
        dependsOnMacros = List.copyOf(dependsOnMacros);
    }
}
