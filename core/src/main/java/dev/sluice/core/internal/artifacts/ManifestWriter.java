package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.io.OutputFiles;
import static java.util.Objects.requireNonNull;

import dev.sluice.core.internal.model.ExposureDef;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Writes {@code target/manifest.json} in dbt's manifest v12 shape. Nodes, sources, macros, docs
 * and the parent and child maps are sorted by unique id (and each map's lists sorted, as dbt sorts
 * them), so two parses of one project give the same bytes. Disabled nodes and sources go under
 * {@code disabled}, as dbt puts them.
 *
 * <pre>{@code
 * new ManifestWriter(metadata).write(manifest, compiledNodes, projectDir.resolve("target"));
 * }</pre>
 */
public final class ManifestWriter {
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/manifest/v12.json";
    public static final String FILE_NAME = "manifest.json";

    private final ArtifactMetadata metadata;

    public ManifestWriter(ArtifactMetadata metadata) {
        this.metadata = requireNonNull(metadata, "metadata is null");
    }

    /** Writes {@code manifest.json} into {@code targetDir} atomically and returns its path. */
    public Path write(Manifest manifest, Map<String, CompiledNode> compiled, Path targetDir) {
        Map<String, Object> tree = tree(manifest, compiled);
        return OutputFiles.atomic(targetDir.resolve(FILE_NAME), out -> ArtifactJson.write(tree, metadata.scrubber(), out));
    }

    public String toJson(Manifest manifest) {
        return toJson(manifest, Map.of());
    }

    /** The manifest; {@code compiled} holds what compiling produced, by unique id (may be empty). */
    public String toJson(Manifest manifest, Map<String, CompiledNode> compiled) {
        return ArtifactJson.write(tree(manifest, compiled), metadata.scrubber());
    }

    Map<String, Object> tree(Manifest manifest, Map<String, CompiledNode> compiled) {
        DocRefs docRefs = new DocRefs(manifest.docs().values(), manifest.projectName());
        NodeJson nodeJson = new NodeJson(manifest.projectName(), docRefs, metadata.projectRoot());
        SourceJson sourceJson = new SourceJson(manifest.projectName(), docRefs);

        Map<String, Object> nodes = new TreeMap<>();
        Map<String, Object> sources = new TreeMap<>();
        Map<String, List<Object>> disabled = new TreeMap<>();
        for (Node n : manifest.nodes().values()) {
            if (n.config().enabled()) {
                // built when written (see ArtifactJson): the nodes' JSON is most of the manifest
                nodes.put(n.uniqueId(), (Supplier<Object>) () -> nodeJson.of(n, compiled.get(n.uniqueId())));
            } else {
                disabled.computeIfAbsent(n.uniqueId(), k -> new ArrayList<>()).add(nodeJson.of(n, compiled.get(n.uniqueId())));
            }
        }
        for (SourceDef s : manifest.sources().values()) {
            Map<String, Object> json = sourceJson.of(s);
            if (s.config() == null || s.config().enabled()) {
                sources.put(s.uniqueId(), json);
            } else {
                disabled.computeIfAbsent(s.uniqueId(), k -> new ArrayList<>()).add(json);
            }
        }
        Map<String, Object> macros = new TreeMap<>();
        manifest.macros().values().forEach(d -> macros.put(d.uniqueId(), MacroJson.macro(d)));
        Map<String, Object> docs = new TreeMap<>();
        manifest.docs().values().forEach(d -> docs.put(d.uniqueId(), MacroJson.doc(d)));

        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metadata", metadata());
        m.put("nodes", nodes);
        m.put("sources", sources);
        m.put("macros", macros);
        m.put("docs", docs);
        Map<String, Object> exposures = new TreeMap<>();
        manifest.exposures().values().forEach(e -> exposures.put(e.uniqueId(), exposure(e)));
        m.put("exposures", exposures);
        m.put("metrics", Map.of());
        m.put("groups", Map.of());
        m.put("selectors", Map.of());
        m.put("disabled", disabled);
        Map<String, Object> unitTests = new TreeMap<>();
        manifest.unitTests().values().forEach(u -> unitTests.put(u.node().uniqueId(), unitTest(u)));
        Set<String> known = new java.util.HashSet<>(sources.keySet());
        known.addAll(exposures.keySet());
        known.addAll(unitTests.keySet());
        m.put("parent_map", edges(manifest.parentMap(), nodes.keySet(), known));
        m.put("child_map", edges(manifest.childMap(), nodes.keySet(), known));
        m.put("group_map", Map.of());
        m.put("saved_queries", Map.of());
        m.put("semantic_models", Map.of());
        m.put("unit_tests", unitTests);
        return m;
    }

    /** A unit test as manifest v12's UnitTestDefinition. */
    private static Map<String, Object> unitTest(dev.sluice.core.internal.model.UnitTestDef u) {
        Node n = u.node();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("model", n.fqn().get(n.fqn().size() - 2));
        List<Object> given = new ArrayList<>();
        for (dev.sluice.core.internal.model.UnitTestDef.Fixture f : u.given()) {
            Map<String, Object> g = fixture(f);
            given.add(g);
        }
        m.put("given", given);
        Map<String, Object> expect = fixture(u.expect());
        expect.remove("input");
        m.put("expect", expect);
        m.put("name", n.name());
        m.put("resource_type", "unit_test");
        m.put("package_name", n.packageName());
        m.put("path", n.path());
        m.put("original_file_path", n.originalFilePath());
        m.put("unique_id", n.uniqueId());
        m.put("fqn", n.fqn());
        m.put("description", n.description());
        m.put("overrides", u.overrides());
        Map<String, Object> depends = new LinkedHashMap<>();
        depends.put("macros", List.of());
        depends.put("nodes", n.dependsOnNodes());
        m.put("depends_on", depends);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tags", n.tags());
        config.put("meta", n.meta());
        config.put("enabled", true);
        m.put("config", config);
        m.put("checksum", u.checksum());
        m.put("schema", n.schema());
        m.put("created_at", n.createdAt());
        m.put("versions", null);
        m.put("version", null);
        return m;
    }

    private static Map<String, Object> fixture(dev.sluice.core.internal.model.UnitTestDef.Fixture f) {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("input", f.input());
        g.put("rows", f.format().equals("sql") ? f.sql() : f.rows());
        g.put("format", f.format());
        g.put("fixture", f.fixture());
        return g;
    }

    private static Map<String, Object> exposure(ExposureDef e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", e.name());
        m.put("resource_type", "exposure");
        m.put("package_name", e.packageName());
        m.put("path", e.path());
        m.put("original_file_path", e.originalFilePath());
        m.put("unique_id", e.uniqueId());
        m.put("fqn", e.fqn());
        m.put("type", e.type());
        Map<String, Object> owner = new LinkedHashMap<>();
        owner.put("email", e.ownerEmail());
        owner.put("name", e.ownerName());
        m.put("owner", owner);
        m.put("description", e.description());
        m.put("label", e.label());
        m.put("maturity", e.maturity());
        m.put("meta", e.meta());
        m.put("tags", e.tags());
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("enabled", true);
        config.put("tags", e.tags());
        config.put("meta", e.meta());
        m.put("config", config);
        m.put("unrendered_config", Map.of());
        m.put("url", e.url());
        Map<String, Object> depends = new LinkedHashMap<>();
        depends.put("macros", List.of());
        depends.put("nodes", e.dependsOnNodes());
        m.put("depends_on", depends);
        List<Object> refs = new ArrayList<>();
        for (List<String> r : e.refs()) {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("name", r.get(r.size() - 1));
            ref.put("package", r.size() > 1 ? r.get(0) : null);
            ref.put("version", null);
            refs.add(ref);
        }
        m.put("refs", refs);
        m.put("sources", e.sources());
        m.put("metrics", List.of());
        m.put("created_at", e.createdAt());
        return m;
    }

    private Map<String, Object> metadata() {
        Map<String, Object> m = metadata.common(SCHEMA_VERSION, metadata.invocationStartedAt());
        m.put("project_name", metadata.projectName());
        m.put("project_id", metadata.projectId());
        m.put("user_id", null);
        m.put("send_anonymous_usage_stats", false);
        m.put("adapter_type", metadata.adapterType());
        Map<String, Object> quoting = new LinkedHashMap<>();
        for (String part : List.of("database", "schema", "identifier", "column")) {
            quoting.put(part, metadata.quoting().get(part));
        }
        m.put("quoting", quoting);
        return m;
    }

    /**
     * dbt's parent or child map: every enabled node and source present (with no edges when the
     * graph has none for it), keys sorted, each list sorted; edges to disabled resources dropped.
     */
    static Map<String, List<String>> edges(Map<String, List<String>> graph, Set<String> nodes,
            Set<String> sources) {
        Map<String, List<String>> out = new TreeMap<>();
        for (String id : nodes) {
            out.put(id, new ArrayList<>());
        }
        for (String id : sources) {
            out.put(id, new ArrayList<>());
        }
        graph.forEach((id, linked) -> {
            List<String> list = out.get(id);
            if (list == null) {
                return;
            }
            for (String other : linked) {
                if ((nodes.contains(other) || sources.contains(other)) && !list.contains(other)) {
                    list.add(other);
                }
            }
        });
        out.values().forEach(list -> list.sort(null));
        return out;
    }
}
