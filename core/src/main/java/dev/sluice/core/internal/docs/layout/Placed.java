package dev.sluice.core.internal.docs.layout;

import static java.util.Objects.requireNonNull;

/** A box where the layout put it: {@code x}, {@code y} is its top-left corner. */
public record Placed(String id, double x, double y, double width, double height) {
    public Placed {
        requireNonNull(id, "id is null");
    }
}
