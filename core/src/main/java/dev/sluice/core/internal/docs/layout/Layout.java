package dev.sluice.core.internal.docs.layout;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A laid-out graph: its overall size, every box by id (in input order) and every edge kept, in
 * input order. Coordinates start at 0, 0 (top left).
 */
public record Layout(double width, double height, Map<String, Placed> nodes, List<Route> edges) {
    public Layout {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(nodes, "nodes is null")));
        edges = List.copyOf(requireNonNull(edges, "edges is null"));
    }
}
