package dev.sluice.core.internal.docs.layout;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The weakly connected components of a graph, found with union-find over box positions. The order
 * never depends on hashing: components come largest first, equal sizes by their first box, and
 * boxes and edges within a component in input order.
 */
final class Components {
    /** A connected part of the graph with at least one edge. */
    record Component(List<Box> boxes, List<Edge> edges) {
        Component {
            boxes = List.copyOf(requireNonNull(boxes, "boxes is null"));
            edges = List.copyOf(requireNonNull(edges, "edges is null"));
        }
    }

    /** The components with edges (largest first, ties in input order) and the boxes without any. */
    record Split(List<Component> connected, List<Box> isolated) {
        Split {
            connected = List.copyOf(requireNonNull(connected, "connected is null"));
            isolated = List.copyOf(requireNonNull(isolated, "isolated is null"));
        }
    }

    private Components() {
    }

    /** {@code edges} must only join boxes of {@code boxes}, whose ids are unique. */
    static Split split(List<Box> boxes, List<Edge> edges) {
        Map<String, Integer> index = new HashMap<>(boxes.size() * 2);
        for (int i = 0; i < boxes.size(); i++) {
            index.put(boxes.get(i).id(), i);
        }
        int[] parent = new int[boxes.size()];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (Edge e : edges) {
            int a = find(parent, index.get(e.from()));
            int b = find(parent, index.get(e.to()));
            if (a != b) {
                parent[Math.max(a, b)] = Math.min(a, b);
            }
        }
        Map<Integer, List<Box>> boxesByRoot = new LinkedHashMap<>();
        for (int i = 0; i < boxes.size(); i++) {
            boxesByRoot.computeIfAbsent(find(parent, i), r -> new ArrayList<>()).add(boxes.get(i));
        }
        Map<Integer, List<Edge>> edgesByRoot = new HashMap<>();
        for (Edge e : edges) {
            edgesByRoot.computeIfAbsent(find(parent, index.get(e.from())), r -> new ArrayList<>()).add(e);
        }
        List<Component> connected = new ArrayList<>();
        List<Box> isolated = new ArrayList<>();
        boxesByRoot.forEach((root, members) -> {
            List<Edge> inside = edgesByRoot.get(root);
            if (inside == null) {
                isolated.addAll(members);
            } else {
                connected.add(new Component(members, inside));
            }
        });
        // stable sort: equal sizes keep input order
        connected.sort((a, b) -> Integer.compare(b.boxes().size(), a.boxes().size()));
        return new Split(connected, isolated);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
