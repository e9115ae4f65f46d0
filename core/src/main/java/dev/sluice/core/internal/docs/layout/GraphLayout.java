package dev.sluice.core.internal.docs.layout;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.docs.layout.Components.Component;
import dev.sluice.core.internal.docs.layout.Components.Split;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Lays out a lineage graph left to right (parents on the left) with ELK Layered.
 *
 * <pre>{@code
 * Layout layout = GraphLayout.layered(
 *         List.of(new Box("seed.raw_orders", 180, 36), new Box("model.stg_orders", 180, 36)),
 *         List.of(new Edge("seed.raw_orders", "model.stg_orders")));
 * }</pre>
 *
 * <p>Each weakly connected component is laid out on its own (in parallel, one thread per core at
 * most); the components are then packed side by side, tallest first, into a drawing about 16:9,
 * and boxes without edges go in rows below them. Sources and seeds (boxes without parents) are in
 * the first column, each other box one column right of its deepest parent. Edges naming an unknown
 * box, self-loops and repeated edges are left out of the layout (and of {@link Layout#edges()}). A
 * cycle is laid out anyway: ELK reverses an edge to break it, and that edge's route then need not
 * run from right side to left side.
 *
 * <p>The result depends only on the input, in its order: the same lists give the same coordinates.
 */
public final class GraphLayout {
    private GraphLayout() {
    }

    /** Fails with {@link IllegalArgumentException} when two boxes share an id. */
    public static Layout layered(List<Box> boxes, List<Edge> edges) {
        requireNonNull(boxes, "boxes is null");
        requireNonNull(edges, "edges is null");
        Map<String, Box> byId = new LinkedHashMap<>(boxes.size() * 2);
        for (Box box : boxes) {
            if (byId.putIfAbsent(requireNonNull(box, "box is null").id(), box) != null) {
                throw new IllegalArgumentException("Cannot lay out the graph: two boxes are named " + box.id());
            }
        }
        List<Edge> kept = kept(edges, byId);
        Split split = Components.split(List.copyOf(byId.values()), kept);
        Layout packed = Packing.pack(layoutAll(split.connected()), split.isolated());

        Map<String, Placed> nodes = new LinkedHashMap<>(byId.size() * 2);
        for (String id : byId.keySet()) {
            nodes.put(id, packed.nodes().get(id));
        }
        Map<Edge, Route> routes = new LinkedHashMap<>(kept.size() * 2);
        for (Route r : packed.edges()) {
            routes.put(new Edge(r.from(), r.to()), r);
        }
        List<Route> ordered = new ArrayList<>(kept.size());
        for (Edge e : kept) {
            ordered.add(routes.get(e));
        }
        return new Layout(packed.width(), packed.height(), nodes, ordered);
    }

    /** The edges worth drawing, in input order: both ends known, not a self-loop, first occurrence. */
    private static List<Edge> kept(List<Edge> edges, Map<String, Box> byId) {
        Set<Edge> seen = new HashSet<>(edges.size() * 2);
        List<Edge> kept = new ArrayList<>(edges.size());
        for (Edge e : edges) {
            requireNonNull(e, "edge is null");
            if (byId.containsKey(e.from()) && byId.containsKey(e.to()) && !e.from().equals(e.to()) && seen.add(e)) {
                kept.add(e);
            }
        }
        return kept;
    }

    /** Largest components are submitted first so that the pool's threads finish close together. */
    private static List<Layout> layoutAll(List<Component> components) {
        int threads = Math.min(components.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            return components.stream().map(ElkComponentLayout::layout).toList();
        }
        AtomicInteger count = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "sluice-layout-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Layout>> futures = new ArrayList<>(components.size());
            for (Component c : components) {
                futures.add(pool.submit(() -> ElkComponentLayout.layout(c)));
            }
            List<Layout> layouts = new ArrayList<>(futures.size());
            for (Future<Layout> f : futures) {
                layouts.add(f.get());
            }
            return layouts;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw SluiceException.internal("Cannot lay out the lineage graph: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SluiceException.internal("Cannot lay out the lineage graph: interrupted", e);
        } finally {
            pool.shutdownNow();
        }
    }
}
