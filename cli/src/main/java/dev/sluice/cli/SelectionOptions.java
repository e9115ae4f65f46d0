package dev.sluice.cli;

import dev.sluice.core.api.Selection;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --select} and {@code --exclude} in dbt's syntax: each takes several selectors
 * ({@code -s a b}) and can be repeated.
 */
final class SelectionOptions {
    @Option(names = {"-s", "--select", "-m", "--models"}, arity = "1..*", paramLabel = "SELECTOR",
            description = "Nodes to include, e.g. -s stg_orders+ tag:nightly (default: all).")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "Nodes to leave out.")
    List<String> exclude = new ArrayList<>();

    Selection selection() {
        return new Selection(select, exclude);
    }
}
