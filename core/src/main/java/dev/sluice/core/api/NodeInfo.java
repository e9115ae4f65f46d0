package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A node as commands report it: its unique id, name, type, file, how it materializes and which
 * relation it builds (null for ephemeral models and macros), and dbt's fully qualified name
 * ({@code [project, folders..., name]}) that {@code ls} prints.
 */
public record NodeInfo(String uniqueId, String name, ResourceType resourceType, String originalFilePath,
        String materialized, String relation, List<String> tags, List<String> fqn) {
    public NodeInfo {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(name, "name is null");
        requireNonNull(resourceType, "resourceType is null");
        tags = List.copyOf(tags);
        fqn = List.copyOf(fqn);
    }
}
