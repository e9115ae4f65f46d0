package dev.sluice.core.internal.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything parsed from a project: nodes, sources, macros, docs and exposures by unique id (in a
 * stable order), and the parent and child maps of the dependency graph (exposures included).
 */
public record Manifest(String projectName, Map<String, Node> nodes, Map<String, SourceDef> sources,
        Map<String, MacroDef> macros, Map<String, DocBlock> docs, Map<String, List<String>> parentMap,
        Map<String, List<String>> childMap, Map<String, ExposureDef> exposures) {
    public Manifest {
        exposures = unmodifiable(exposures);
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
        this(projectName, nodes, sources, macros, docs, parentMap, childMap, Map.of());
    }

    private static <V> Map<String, V> unmodifiable(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
