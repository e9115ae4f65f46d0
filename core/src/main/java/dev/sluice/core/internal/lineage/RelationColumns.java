package dev.sluice.core.internal.lineage;

import java.util.List;

/**
 * The catalog as lineage sees it: the column names of a physical relation, in order, already
 * folded as PostgreSQL stores them; null when the relation is unknown. Called from several
 * threads at once when models are analysed in parallel.
 */
@FunctionalInterface
public interface RelationColumns {
    List<String> columnsOf(RelationName relation);
}
