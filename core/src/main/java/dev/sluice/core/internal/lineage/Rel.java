package dev.sluice.core.internal.lineage;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.internal.lineage.Derived.Col;
import java.util.List;

/** A FROM item as one query level sees it. */
sealed interface Rel {
    enum JoinKind { INNER, LEFT, RIGHT, FULL }

    /**
     * A table, view, CTE, subquery or VALUES list, named {@code refName} (its alias, else its own
     * name; null for an unaliased subquery). {@code columns} is null when unknown, and
     * {@code unknown} says why. {@code table} is set when the columns are those of a physical
     * relation, unchanged: a qualified column of it can be traced even when the catalog does not
     * know the relation.
     */
    record Leaf(String refName, RelationName table, List<Col> columns, String unknown) implements Rel {
        public Leaf {
            columns = columns == null ? null : List.copyOf(columns);
            if (columns == null) {
                requireNonNull(unknown, "unknown is null");
            }
        }

        static Leaf opaque(String refName, String why) {
            return new Leaf(refName, null, null, why);
        }

        String label() {
            return refName == null ? "a subquery" : Identifiers.display(refName);
        }
    }

    /**
     * A join without an alias (an aliased one is a {@link Leaf}): the tables in it stay visible by
     * name, and its {@code using} columns are merged into one. {@code unknown} is set for a NATURAL
     * join whose common columns cannot be told.
     */
    record Joined(Rel left, Rel right, JoinKind kind, List<String> using, String unknown) implements Rel {
        public Joined {
            requireNonNull(left, "left is null");
            requireNonNull(right, "right is null");
            requireNonNull(kind, "kind is null");
            using = List.copyOf(using);
        }
    }
}
