package dev.sluice.core.internal.parse;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.config.ConfigResolver;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.project.PropertyFiles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a project describes or configures that matches nothing, which dbt warns about: property
 * file entries for resources that do not exist, and dbt_project.yml config paths that apply to no
 * resource (usually a misspelt folder).
 */
final class Unmatched {
    private Unmatched() {
    }

    /** Warns, at its entry, of each property-file entry whose resource does not exist (nor is disabled). */
    static void properties(Map<String, PropertyFiles.Patch> patches, String kind, ResourceType type, String pkg,
            Map<String, Node> byName, Collection<Node> all, List<String> disabled, SluiceListener listener) {
        for (PropertyFiles.Patch p : patches.values()) {
            Node n = byName.get(p.name());
            boolean found = (n != null && n.resourceType() == type)
                    || all.stream().anyMatch(x -> x.resourceType() == type && x.name().equals(p.name()))
                    || disabled.stream().anyMatch(id -> id.startsWith(type.dbtName() + "." + pkg + "." + p.name()));
            if (!found) {
                listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Found properties for " + kind + " '"
                        + p.name() + "' in " + p.file() + ", but no " + kind + " of that name exists: check the name",
                        p.location()));
            }
        }
    }

    /**
     * Warns of the config paths of a dbt_project.yml tree (e.g. {@code models: {my_project: {stagin: ...}}})
     * that are the start of no node's fqn of the given types.
     */
    static void configPaths(String section, Map<String, Object> tree, Set<ResourceType> types, Collection<Node> nodes,
            dev.sluice.core.internal.project.ProjectConfig project, SluiceListener listener) {
        if (tree == null || tree.isEmpty()) {
            return;
        }
        List<List<String>> fqns = nodes.stream().filter(n -> types.contains(n.resourceType())).map(Node::fqn).toList();
        List<Map.Entry<String, Location>> unused = new ArrayList<>();
        walk(section, tree, new ArrayList<>(), fqns, unused, project);
        for (Map.Entry<String, Location> u : unused) {
            listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "The configuration path " + u.getKey()
                    + " in dbt_project.yml applies to no resource: check the folder or package name", u.getValue()));
        }
    }

    private static void walk(String section, Map<String, Object> level, List<String> path, List<List<String>> fqns,
            List<Map.Entry<String, Location>> unused, dev.sluice.core.internal.project.ProjectConfig project) {
        for (Map.Entry<String, Object> e : level.entrySet()) {
            String key = e.getKey();
            if (ConfigResolver.isConfigKey(key) || !(e.getValue() instanceof Map<?, ?> m)) {
                continue;
            }
            List<String> here = new ArrayList<>(path);
            here.add(key);
            boolean used = fqns.stream().anyMatch(f -> f.size() >= here.size() && f.subList(0, here.size()).equals(here));
            if (!used) {
                unused.add(Map.entry(section + "." + String.join(".", here), project.locateKey(level, key)));
                continue;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> child = (Map<String, Object>) m;
            walk(section, child, here, fqns, unused, project);
        }
    }
}
