package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.ResourceType;
import java.util.List;
import java.util.Map;

/**
 * A parsed node (model, seed, analysis, ...): identity, source text, effective config, the
 * refs/sources/macros it depends on, its documentation, and the relation it builds.
 *
 * @param path the file path relative to its resource directory ({@code reservoir/rsv__drugs.sql})
 * @param originalFilePath the file path relative to the project ({@code models/reservoir/rsv__drugs.sql})
 * @param fqn dbt's fully qualified name: package, folders, name
 * @param configCallDict what {@code config()} calls in the file set
 * @param dependsOnNodes unique ids of the nodes and sources it reads, resolved from refs and sources
 * @param relationName the quoted relation it builds, or null for ephemeral models
 * @param patchPath the property file that described it ({@code <package>://models/schema.yml}, as dbt writes it), or null
 * @param test what a generic test runs; null for every other node
 * @param constraints a model's model-level constraints (those spanning {@code columns}) from its property file
 */
public record Node(String uniqueId, ResourceType resourceType, String packageName, String name, String path,
        String originalFilePath, String rawCode, String language, List<String> fqn, Checksum checksum,
        NodeConfig config, Map<String, Object> configCallDict, String description, Map<String, ColumnDef> columns,
        Map<String, Object> meta, List<String> tags, List<RefCall> refs, List<SourceCall> sources,
        List<String> dependsOnNodes, List<String> dependsOnMacros, String database, String schema, String alias,
        String relationName, String patchPath, double createdAt, TestMetadata test, List<Constraint> constraints,
        Versioning versioning) {

    /** A versioned model's version and its model's latest version (dbt's model versions); both as written. */
    public record Versioning(String version, String latestVersion) {
        public boolean isLatest() {
            return version.equals(latestVersion);
        }
    }

    /** As the canonical constructor, for a node that is not a versioned model. */
    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, String path,
            String originalFilePath, String rawCode, String language, List<String> fqn, Checksum checksum,
            NodeConfig config, Map<String, Object> configCallDict, String description, Map<String, ColumnDef> columns,
            Map<String, Object> meta, List<String> tags, List<RefCall> refs, List<SourceCall> sources,
            List<String> dependsOnNodes, List<String> dependsOnMacros, String database, String schema, String alias,
            String relationName, String patchPath, double createdAt, TestMetadata test, List<Constraint> constraints) {
        this(uniqueId, resourceType, packageName, name, path, originalFilePath, rawCode, language, fqn, checksum, config,
                configCallDict, description, columns, meta, tags, refs, sources, dependsOnNodes, dependsOnMacros,
                database, schema, alias, relationName, patchPath, createdAt, test, constraints, null);
    }

    /** The version, or null when the node is not a versioned model. */
    public String version() {
        return versioning == null ? null : versioning.version();
    }

    public Node {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(resourceType, "resourceType is null");
        requireNonNull(name, "name is null");
        requireNonNull(originalFilePath, "originalFilePath is null");
        fqn = List.copyOf(fqn);
        configCallDict = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(configCallDict));
        description = description == null ? "" : description;
        columns = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(columns));
        meta = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(meta));
        tags = List.copyOf(tags);
        refs = List.copyOf(refs);
        sources = List.copyOf(sources);
        dependsOnNodes = List.copyOf(dependsOnNodes);
        dependsOnMacros = List.copyOf(dependsOnMacros);
        constraints = constraints == null ? List.of() : List.copyOf(constraints);
    }

    /** A node without model-level constraints. */
    public Node(String uniqueId, ResourceType resourceType, String packageName, String name, String path,
            String originalFilePath, String rawCode, String language, List<String> fqn, Checksum checksum,
            NodeConfig config, Map<String, Object> configCallDict, String description, Map<String, ColumnDef> columns,
            Map<String, Object> meta, List<String> tags, List<RefCall> refs, List<SourceCall> sources,
            List<String> dependsOnNodes, List<String> dependsOnMacros, String database, String schema, String alias,
            String relationName, String patchPath, double createdAt, TestMetadata test) {
        this(uniqueId, resourceType, packageName, name, path, originalFilePath, rawCode, language, fqn, checksum, config,
                configCallDict, description, columns, meta, tags, refs, sources, dependsOnNodes, dependsOnMacros,
                database, schema, alias, relationName, patchPath, createdAt, test, List.of());
    }

    /**
     * Where this node sets config {@code key}: the first line of its own code that names it (its
     * {@code config()} call), else its file alone (the config came from a YAML file).
     */
    public dev.sluice.core.api.Location configLocation(String key) {
        if (rawCode != null) {
            List<String> lines = rawCode.lines().toList();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(key)) {
                    return dev.sluice.core.api.Location.of(originalFilePath, i + 1);
                }
            }
        }
        return dev.sluice.core.api.Location.of(originalFilePath);
    }

    public String materialized() {
        return config.materialized();
    }

    public boolean isEphemeral() {
        return resourceType == ResourceType.MODEL && "ephemeral".equals(materialized());
    }

    /** {@code schema.alias}, how dbt's log lines name the relation. */
    public String displayRelation() {
        return schema + "." + alias;
    }

    public Node withDependsOnNodes(List<String> nodes) {
        return new Node(uniqueId, resourceType, packageName, name, path, originalFilePath, rawCode, language, fqn,
                checksum, config, configCallDict, description, columns, meta, tags, refs, sources, nodes,
                dependsOnMacros, database, schema, alias, relationName, patchPath, createdAt, test, constraints, versioning);
    }
}
