package dev.sluice.core.internal.docs.layout;

import static java.util.Objects.requireNonNull;

/** A node to place: its id (unique in one layout) and its size. */
public record Box(String id, double width, double height) {
    public Box {
        requireNonNull(id, "id is null");
        if (!(width > 0 && height > 0 && Double.isFinite(width) && Double.isFinite(height))) {
            throw new IllegalArgumentException("Cannot lay out box " + id + ": size " + width + "x" + height
                    + " is not positive and finite");
        }
    }
}
