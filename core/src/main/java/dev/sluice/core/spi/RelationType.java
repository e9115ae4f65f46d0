package dev.sluice.core.spi;

import java.util.Locale;

/** What kind of relation: as dbt names them. */
public enum RelationType {
    TABLE, VIEW, MATERIALIZED_VIEW, EXTERNAL, CTE, UNKNOWN;

    /** {@code table}, {@code view}, {@code materialized_view}, ... */
    public String dbtName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
