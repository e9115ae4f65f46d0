package dev.sluice.core.internal.parse;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.RefCall;
import dev.sluice.core.internal.model.SourceCall;
import dev.sluice.core.internal.model.SourceDef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Resolves each node's {@code ref()} and {@code source()} calls to the unique ids it depends on. */
final class Refs {
    private Refs() {
    }

    static Map<String, Node> resolve(Map<String, Node> nodes, Map<String, Node> byName, Map<String, SourceDef> sources,
            String project) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Node n : nodes.values()) {
            LinkedHashSet<String> deps = new LinkedHashSet<>();
            for (RefCall r : n.refs()) {
                deps.add(ref(n, r, byName, project).uniqueId());
            }
            for (SourceCall s : n.sources()) {
                deps.add(source(n, s, sources, project).uniqueId());
            }
            out.put(n.uniqueId(), n.withDependsOnNodes(new ArrayList<>(deps)));
        }
        return out;
    }

    static Node ref(Node from, RefCall r, Map<String, Node> byName, String project) {
        Node target = byName.get(r.name());
        if (r.packageName() != null && !r.packageName().equals(project)) {
            throw SluiceException.user("ref.package", new Location(from.originalFilePath(), r.line(), 0),
                    "Cannot resolve ref('" + r.packageName() + "', '" + r.name() + "') in " + from.name()
                            + ": no package named '" + r.packageName() + "' is installed (this project is '" + project + "')");
        }
        if (target == null || target.resourceType() == ResourceType.ANALYSIS) {
            throw SluiceException.user("ref.unknown", new Location(from.originalFilePath(), r.line(), 0),
                    "Cannot resolve ref('" + r.name() + "') in " + from.name() + ": no model, seed or snapshot named '"
                            + r.name() + "' exists" + Suggestions.didYouMean(r.name(), byName.keySet()));
        }
        return target;
    }

    static SourceDef source(Node from, SourceCall s, Map<String, SourceDef> sources, String project) {
        SourceDef def = sources.get("source." + project + "." + s.sourceName() + "." + s.tableName());
        if (def == null) {
            List<String> known = sources.values().stream().map(d -> d.sourceName() + "." + d.name()).toList();
            throw SluiceException.user("source.unknown", new Location(from.originalFilePath(), s.line(), 0),
                    "Cannot resolve source('" + s.sourceName() + "', '" + s.tableName() + "') in " + from.name()
                            + ": no source table '" + s.sourceName() + "." + s.tableName() + "' is declared in a YAML file"
                            + Suggestions.didYouMean(s.sourceName() + "." + s.tableName(), known));
        }
        return def;
    }
}
