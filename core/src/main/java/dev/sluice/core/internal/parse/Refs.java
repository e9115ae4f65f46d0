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

/**
 * Resolves each node's {@code ref()} and {@code source()} calls to the unique ids it depends on,
 * searching packages as dbt does: {@code ref('pkg', 'name')} only in {@code pkg}; a plain
 * {@code ref('name')} in the root project, then the node's own package, then any package.
 */
final class Refs {
    private final Map<String, Map<String, Node>> byPackage;
    private final Map<String, SourceDef> sources;
    private final String project;

    private final Map<String, Map<String, Node>> versions;

    /**
     * @param byPackage refable nodes by package, then name (the root project first); a versioned model by its latest version
     * @param versions versioned models' nodes by {@code package.name}, then version
     */
    Refs(Map<String, Map<String, Node>> byPackage, Map<String, SourceDef> sources, String project,
            Map<String, Map<String, Node>> versions) {
        this.byPackage = byPackage;
        this.versions = versions;
        this.sources = sources;
        this.project = project;
    }

    Map<String, Node> resolve(Map<String, Node> nodes) {
        Map<String, Node> out = new LinkedHashMap<>();
        for (Node n : nodes.values()) {
            LinkedHashSet<String> deps = new LinkedHashSet<>();
            for (RefCall r : n.refs()) {
                deps.add(ref(n, r).uniqueId());
            }
            for (SourceCall s : n.sources()) {
                deps.add(source(n, s).uniqueId());
            }
            out.put(n.uniqueId(), n.withDependsOnNodes(new ArrayList<>(deps)));
        }
        return out;
    }

    Node ref(Node from, RefCall r) {
        Location where = new Location(from.originalFilePath(), r.line(), 0);
        if (r.packageName() != null && !byPackage.containsKey(r.packageName())) {
            throw SluiceException.user("ref.package", where, "Cannot resolve ref('" + r.packageName() + "', '" + r.name()
                    + "') in " + from.name() + ": no package named '" + r.packageName() + "' is installed (this project"
                    + " is '" + project + "'" + (byPackage.size() > 1 ? ", packages: " + String.join(", ",
                    byPackage.keySet().stream().filter(p -> !p.equals(project)).toList()) : "") + ")"
                    + Suggestions.didYouMean(r.packageName(), byPackage.keySet()));
        }
        Node target = null;
        for (String pkg : searchOrder(from, r.packageName())) {
            Node n = byPackage.get(pkg).get(r.name());
            if (n != null && n.resourceType() != ResourceType.ANALYSIS) {
                target = n;
                if (r.version() != null) {
                    Map<String, Node> all = versions.getOrDefault(pkg + "." + r.name(), Map.of());
                    String wanted = versionText(r.version());
                    target = all.get(wanted);
                    if (target == null) {
                        throw SluiceException.user("ref.version", where, "Cannot resolve ref('" + r.name() + "', v="
                                + wanted + ") in " + from.name() + ": " + (all.isEmpty() ? "model " + r.name()
                                        + " has no versions" : "its versions are " + String.join(", ", all.keySet().stream()
                                        .sorted(ModelVersions::compare).toList())));
                    }
                }
                break;
            }
        }
        if (target == null) {
            List<String> names = byPackage.values().stream().flatMap(m -> m.keySet().stream()).distinct().toList();
            throw SluiceException.user("ref.unknown", where, "Cannot resolve " + (r.packageName() == null ? "ref('"
                    : "ref('" + r.packageName() + "', '") + r.name() + "') in " + from.name() + ": no model, seed or "
                    + "snapshot named '" + r.name() + "' exists" + (r.packageName() == null ? "" : " in package '"
                    + r.packageName() + "'") + Suggestions.didYouMean(r.name(), names));
        }
        return target;
    }

    private static String versionText(String v) {
        String s = v.strip();
        return s.matches("\\d+\\.0") ? s.substring(0, s.length() - 2) : s;
    }

    SourceDef source(Node from, SourceCall s) {
        for (String pkg : searchOrder(from, null)) {
            SourceDef def = sources.get("source." + pkg + "." + s.sourceName() + "." + s.tableName());
            if (def != null) {
                return def;
            }
        }
        List<String> known = sources.values().stream().map(d -> d.sourceName() + "." + d.name()).toList();
        throw SluiceException.user("source.unknown", new Location(from.originalFilePath(), s.line(), 0),
                "Cannot resolve source('" + s.sourceName() + "', '" + s.tableName() + "') in " + from.name()
                        + ": no source table '" + s.sourceName() + "." + s.tableName() + "' is declared in a YAML file"
                        + Suggestions.didYouMean(s.sourceName() + "." + s.tableName(), known));
    }

    /** dbt's order: the named package only; else the root project, the node's package, then every package. */
    private List<String> searchOrder(Node from, String named) {
        if (named != null) {
            return List.of(named);
        }
        LinkedHashSet<String> order = new LinkedHashSet<>();
        order.add(project);
        order.add(from.packageName());
        order.addAll(byPackage.keySet());
        order.retainAll(byPackage.keySet());
        return List.copyOf(order);
    }
}
