package dev.sluice.core.internal.graph;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.DirectedAcyclicGraph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The dependency graph of a project in node ids (models, seeds, sources, ...): parents before
 * children. JGraphT stays inside; a cycle is reported with its path, as dbt does.
 */
public final class ModelGraph {
    private final Graph<String, DefaultEdge> graph;
    private final Map<String, Integer> order;

    private ModelGraph(Graph<String, DefaultEdge> graph) {
        this.graph = graph;
        this.order = new HashMap<>();
        int i = 0;
        for (TopologicalOrderIterator<String, DefaultEdge> it = new TopologicalOrderIterator<>(graph,
                java.util.Comparator.naturalOrder()); it.hasNext(); ) {
            order.put(it.next(), i++);
        }
    }

    /** Builds the graph of {@code manifest}; fails naming the cycle when there is one. */
    public static ModelGraph of(Manifest manifest) {
        Graph<String, DefaultEdge> g = new SimpleDirectedGraph<>(DefaultEdge.class);
        manifest.sources().keySet().forEach(g::addVertex);
        manifest.nodes().keySet().forEach(g::addVertex);
        for (Node n : manifest.nodes().values()) {
            for (String parent : n.dependsOnNodes()) {
                if (!parent.equals(n.uniqueId())) {
                    g.addEdge(parent, n.uniqueId());
                } else {
                    throw cycle(manifest, List.of(n.uniqueId(), n.uniqueId()));
                }
            }
        }
        // a unit test runs once the model's inputs exist (it reads their column types) and before the model
        for (dev.sluice.core.internal.model.UnitTestDef u : manifest.unitTests().values()) {
            String id = u.node().uniqueId();
            g.addVertex(id);
            for (String parent : manifest.nodes().get(u.model()).dependsOnNodes()) {
                g.addEdge(parent, id);
            }
            g.addEdge(id, u.model());
        }
        for (dev.sluice.core.internal.model.ExposureDef e : manifest.exposures().values()) {
            g.addVertex(e.uniqueId());
            for (String parent : e.dependsOnNodes()) {
                if (g.containsVertex(parent)) {
                    g.addEdge(parent, e.uniqueId());
                }
            }
        }
        List<String> cycle = findCycle(g);
        if (cycle != null) {
            throw cycle(manifest, cycle);
        }
        DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        g.vertexSet().forEach(dag::addVertex);
        g.edgeSet().forEach(e -> dag.addEdge(g.getEdgeSource(e), g.getEdgeTarget(e)));
        return new ModelGraph(dag);
    }

    private static SluiceException cycle(Manifest manifest, List<String> path) {
        Node first = manifest.nodes().get(path.get(0));
        Location where = first == null ? null : Location.of(first.originalFilePath());
        // at the ref() that closes the cycle, when a node on it refs the one before it
        for (int i = 0; i + 1 < path.size(); i++) {
            Node parent = manifest.nodes().get(path.get(i));
            Node child = manifest.nodes().get(path.get(i + 1));
            if (parent == null || child == null) {
                continue;
            }
            var ref = child.refs().stream().filter(r -> r.name().equals(parent.name()) && r.line() > 0).findFirst();
            if (ref.isPresent()) {
                where = Location.of(child.originalFilePath(), ref.get().line());
                break;
            }
        }
        return SluiceException.user("graph.cycle", where, "Cannot build the graph: found a cycle: "
                + String.join(" --> ", path) + " (break it by removing one of these refs)");
    }

    /** One cycle as a path that starts and ends at the same node, or null. */
    private static List<String> findCycle(Graph<String, DefaultEdge> g) {
        Map<String, Integer> state = new HashMap<>();
        List<String> vertices = new ArrayList<>(g.vertexSet());
        java.util.Collections.sort(vertices);
        for (String start : vertices) {
            if (state.containsKey(start)) {
                continue;
            }
            Deque<String> path = new ArrayDeque<>();
            Deque<java.util.Iterator<DefaultEdge>> its = new ArrayDeque<>();
            state.put(start, 1);
            path.push(start);
            its.push(g.outgoingEdgesOf(start).iterator());
            while (!its.isEmpty()) {
                java.util.Iterator<DefaultEdge> it = its.peek();
                if (it.hasNext()) {
                    String next = g.getEdgeTarget(it.next());
                    Integer s = state.get(next);
                    if (s == null) {
                        state.put(next, 1);
                        path.push(next);
                        its.push(g.outgoingEdgesOf(next).iterator());
                    } else if (s == 1) {
                        List<String> cycle = new ArrayList<>();
                        List<String> onPath = new ArrayList<>(path);
                        java.util.Collections.reverse(onPath);
                        cycle.addAll(onPath.subList(onPath.indexOf(next), onPath.size()));
                        cycle.add(next);
                        return cycle;
                    }
                } else {
                    its.pop();
                    state.put(path.pop(), 2);
                }
            }
        }
        return null;
    }

    /**
     * This graph plus, for {@code build}, an edge from each test to the children of the node it
     * tests, so that a model's tests run before what is built from it and a failing test skips
     * those. An edge that would close a cycle (a test whose other parent descends from the
     * tested node) is left out.
     */
    public ModelGraph withTestsBeforeChildren(Map<String, String> attachedNodeByTest) {
        DirectedAcyclicGraph<String, DefaultEdge> dag = new DirectedAcyclicGraph<>(DefaultEdge.class);
        graph.vertexSet().forEach(dag::addVertex);
        graph.edgeSet().forEach(e -> dag.addEdge(graph.getEdgeSource(e), graph.getEdgeTarget(e)));
        attachedNodeByTest.forEach((test, attached) -> {
            if (!dag.containsVertex(test) || !dag.containsVertex(attached)) {
                return;
            }
            for (String child : children(attached)) {
                if (attachedNodeByTest.containsKey(child) || child.equals(test)) {
                    continue; // tests do not wait for each other
                }
                try {
                    dag.addEdge(test, child);
                } catch (IllegalArgumentException cycle) {
                    // the test reads from a descendant of the node: it runs after it instead
                }
            }
        });
        return new ModelGraph(dag);
    }

    public Set<String> parents(String id) {
        Set<String> out = new LinkedHashSet<>();
        for (DefaultEdge e : graph.incomingEdgesOf(id)) {
            out.add(graph.getEdgeSource(e));
        }
        return out;
    }

    public Set<String> children(String id) {
        Set<String> out = new LinkedHashSet<>();
        for (DefaultEdge e : graph.outgoingEdgesOf(id)) {
            out.add(graph.getEdgeTarget(e));
        }
        return out;
    }

    /** Ancestors up to {@code depth} levels (negative: all). */
    public Set<String> ancestors(String id, int depth) {
        return walk(id, depth, true);
    }

    /** Descendants up to {@code depth} levels (negative: all). */
    public Set<String> descendants(String id, int depth) {
        return walk(id, depth, false);
    }

    private Set<String> walk(String id, int depth, boolean up) {
        Set<String> seen = new LinkedHashSet<>();
        Deque<String> frontier = new ArrayDeque<>(List.of(id));
        int level = 0;
        while (!frontier.isEmpty() && (depth < 0 || level < depth)) {
            Deque<String> next = new ArrayDeque<>();
            for (String v : frontier) {
                for (String w : up ? parents(v) : children(v)) {
                    if (seen.add(w)) {
                        next.add(w);
                    }
                }
            }
            frontier = next;
            level++;
        }
        return seen;
    }

    /**
     * The nodes of {@code selected} that {@code id} depends on directly or only through nodes
     * outside {@code selected} (dbt's subset graph keeps dependencies through unselected nodes).
     */
    public Set<String> nearestWithin(String id, Set<String> selected, boolean up) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new java.util.HashSet<>();
        Deque<String> todo = new ArrayDeque<>(up ? parents(id) : children(id));
        while (!todo.isEmpty()) {
            String v = todo.pop();
            if (!seen.add(v)) {
                continue;
            }
            if (selected.contains(v)) {
                found.add(v);
            } else {
                todo.addAll(up ? parents(v) : children(v));
            }
        }
        return found;
    }

    /** {@code ids} in dependency order (parents first; ties by id, so the order is stable). */
    public List<String> sort(Collection<String> ids) {
        List<String> out = new ArrayList<>(ids);
        out.sort(java.util.Comparator.comparingInt(id -> order.getOrDefault(id, Integer.MAX_VALUE)));
        return out;
    }

    public boolean contains(String id) {
        return graph.containsVertex(id);
    }
}
