package dev.sluice.core.internal.lineage;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns a query, CTE or FROM item yields, in order. When {@code unknown} is set (why), the
 * list is only a prefix: the positions after it cannot be told.
 */
record Derived(List<Col> columns, String unknown) {
    /** A named column and its lineage. */
    record Col(String name, Trace trace) {
        Col {
            requireNonNull(name, "name is null");
            requireNonNull(trace, "trace is null");
        }
    }

    Derived {
        columns = List.copyOf(columns);
    }

    static Derived unknown(String why) {
        return new Derived(List.of(), why);
    }

    boolean known() {
        return unknown == null;
    }

    /** The first columns renamed by a column alias list ({@code as v(a, b)}, {@code with c(a, b) as}). */
    Derived renamed(List<String> names) {
        if (names.isEmpty()) {
            return this;
        }
        if (!known()) {
            return unknown(unknown);
        }
        if (names.size() > columns.size()) {
            return unknown("the column alias list names " + names.size() + " columns but there are only "
                    + columns.size());
        }
        List<Col> out = new ArrayList<>(columns);
        for (int i = 0; i < names.size(); i++) {
            out.set(i, new Col(names.get(i), columns.get(i).trace()));
        }
        return new Derived(out, null);
    }
}
