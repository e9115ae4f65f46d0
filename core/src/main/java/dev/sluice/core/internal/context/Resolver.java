package dev.sluice.core.internal.context;

import dev.sluice.core.internal.model.RefCall;

/** How {@code ref()} and {@code source()} find relations when a node is compiled. */
public interface Resolver {
    /** The relation {@code call} points at; fails naming the file and line when there is none. */
    DbtRelation ref(RefCall call);

    DbtRelation source(String sourceName, String tableName, int line);
}
