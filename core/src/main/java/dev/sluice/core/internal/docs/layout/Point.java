package dev.sluice.core.internal.docs.layout;

/** A point of a route. */
public record Point(double x, double y) {
}
