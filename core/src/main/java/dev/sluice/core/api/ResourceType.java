package dev.sluice.core.api;

import java.util.Locale;

/** The kinds of nodes in a dbt project, named as dbt names them in artifacts. */
public enum ResourceType {
    MODEL, SEED, SOURCE, MACRO, TEST, SNAPSHOT, ANALYSIS, OPERATION, DOC, EXPOSURE, UNIT_TEST;

    /** The lower-case name dbt uses: {@code model}, {@code seed}, ... */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
