package dev.sluice.core.internal.lineage;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One column of a query's result: its 0-based position, its name as PostgreSQL names it, how it
 * is derived, and the physical columns it derives from (deduplicated, in first-seen order).
 * {@code problem} is null, or says why {@code sources} may be incomplete.
 */
public record OutputColumn(int position, String name, Kind kind, List<SourceColumn> sources, String problem) {
    public enum Kind {
        /** Passes a physical column through unchanged, possibly renamed, through every CTE and subquery. */
        DIRECT,
        /** Computed from its sources (or from columns that could not be traced, see the problem). */
        EXPRESSION,
        /** Reads no column at all: literals, {@code count(*)}, {@code now()}, {@code row_number()}. */
        CONSTANT
    }

    public OutputColumn {
        if (position < 0) {
            throw new IllegalArgumentException("position is negative: " + position);
        }
        requireNonNull(name, "name is null");
        requireNonNull(kind, "kind is null");
        sources = List.copyOf(sources);
    }
}
