package dev.sluice.core.internal.lineage;

import static java.util.Objects.requireNonNull;

/** A column of a physical relation that an output column derives from. */
public record SourceColumn(RelationName relation, String column) {
    public SourceColumn {
        requireNonNull(relation, "relation is null");
        requireNonNull(column, "column is null");
    }

    /** {@code rsv.rsv_drugs.atccode}. */
    @Override
    public String toString() {
        return relation + "." + Identifiers.display(column);
    }
}
