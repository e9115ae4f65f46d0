package dev.sluice.core.internal.docs.layout;

import static java.util.Objects.requireNonNull;

/** A dependency: {@code from} is the parent (drawn on the left), {@code to} the child. */
public record Edge(String from, String to) {
    public Edge {
        requireNonNull(from, "from is null");
        requireNonNull(to, "to is null");
    }
}
