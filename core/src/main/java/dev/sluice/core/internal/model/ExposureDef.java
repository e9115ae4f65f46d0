package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A downstream use of the project (a dashboard, a notebook, an application) declared under
 * {@code exposures:} in a property file, with the nodes and sources it depends on.
 */
public record ExposureDef(String uniqueId, String packageName, String name, String path, String originalFilePath,
        List<String> fqn, String type, String ownerName, String ownerEmail, String description, String label, String url,
        String maturity, List<String> tags, Map<String, Object> meta, NodeConfig config, List<String> dependsOnNodes,
        List<List<String>> refs, List<List<String>> sources, double createdAt) {
    public ExposureDef {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(name, "name is null");
        requireNonNull(type, "type is null");
        fqn = List.copyOf(fqn);
        description = description == null ? "" : description;
        tags = List.copyOf(tags);
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        dependsOnNodes = List.copyOf(dependsOnNodes);
        refs = List.copyOf(refs);
        sources = List.copyOf(sources);
    }
}
