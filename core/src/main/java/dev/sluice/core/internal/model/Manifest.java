package dev.sluice.core.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything parsed from a project: nodes, sources, macros, docs, exposures and unit tests by unique id (in a
 * stable order), and the parent and child maps of the dependency graph (exposures included).
 */
public record Manifest(String projectName, Map<String, Node> nodes, Map<String, SourceDef> sources,
        Map<String, MacroDef> macros, Map<String, DocBlock> docs, Map<String, List<String>> parentMap,
        Map<String, List<String>> childMap, Map<String, ExposureDef> exposures, Map<String, UnitTestDef> unitTests) {
    public Manifest {
        exposures = unmodifiable(exposures);
        unitTests = unmodifiable(unitTests);
        nodes = unmodifiable(nodes);
        sources = unmodifiable(sources);
        macros = unmodifiable(macros);
        docs = unmodifiable(docs);
        parentMap = unmodifiable(parentMap);
        childMap = unmodifiable(childMap);
    }

    /** A manifest without exposures. */
    public Manifest(String projectName, Map<String, Node> nodes, Map<String, SourceDef> sources,
            Map<String, MacroDef> macros, Map<String, DocBlock> docs, Map<String, List<String>> parentMap,
            Map<String, List<String>> childMap) {
        this(projectName, nodes, sources, macros, docs, parentMap, childMap, Map.of(), Map.of());
    }

    /** A manifest without unit tests. */
    public Manifest(String projectName, Map<String, Node> nodes, Map<String, SourceDef> sources,
            Map<String, MacroDef> macros, Map<String, DocBlock> docs, Map<String, List<String>> parentMap,
            Map<String, List<String>> childMap, Map<String, ExposureDef> exposures) {
        this(projectName, nodes, sources, macros, docs, parentMap, childMap, exposures, Map.of());
    }

    /** A node or a unit test's node by unique id, or null. */
    public Node nodeOrUnitTest(String uniqueId) {
        Node n = nodes.get(uniqueId);
        if (n != null) {
            return n;
        }
        UnitTestDef u = unitTests.get(uniqueId);
        return u == null ? null : u.node();
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
