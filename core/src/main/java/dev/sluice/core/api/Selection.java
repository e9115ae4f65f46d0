package dev.sluice.core.api;

import java.util.List;

/**
 * Which nodes a command acts on, in dbt's selection syntax: {@code select} and {@code exclude}
 * lists of space- or comma-joined selectors (names, {@code +name+}, {@code tag:x},
 * {@code path:models/rsv}). An empty select list selects everything.
 */
public record Selection(List<String> select, List<String> exclude) {
    public Selection {
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
    }

    public static Selection all() {
        return new Selection(List.of(), List.of());
    }

    public static Selection of(String... select) {
        return new Selection(List.of(select), List.of());
    }

    public Selection excluding(String... exclude) {
        return new Selection(select, List.of(exclude));
    }
}
