package dev.sluice.core.internal.docs.layout;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How an edge is drawn: a polyline from the right side of {@code from}'s box to the left side of
 * {@code to}'s box, both end points included.
 */
public record Route(String from, String to, List<Point> points) {
    public Route {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
        points = List.copyOf(requireNonNull(points, "points is null"));
    }
}
