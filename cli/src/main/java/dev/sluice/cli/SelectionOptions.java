package dev.sluice.cli;

import dev.sluice.core.api.Selection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --select} and {@code --exclude} in dbt's syntax (each takes several selectors,
 * {@code -s a b}, and can be repeated), {@code --selector} for selectors.yml, {@code --state} for
 * {@code state:}/{@code result:} selectors, and {@code --indirect-selection}.
 */
final class SelectionOptions {
    @Option(names = {"-s", "--select", "-m", "--models"}, arity = "1..*", paramLabel = "SELECTOR",
            description = "Nodes to include, e.g. -s stg_orders+ tag:nightly state:modified+ (default: all).")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "Nodes to leave out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--selector", paramLabel = "NAME", description = "A selector defined in selectors.yml.")
    String selector;

    @Option(names = "--state", paramLabel = "DIR",
            description = "The target directory of another run, for state:modified, state:new and result: selectors.")
    Path state;

    @Option(names = "--indirect-selection", paramLabel = "MODE", defaultValue = "eager", converter = IndirectConverter.class,
            description = "Which tests come with selected nodes: eager (default), cautious, buildable or empty.")
    Selection.Indirect indirect;

    Selection selection() {
        Selection s = new Selection(select, exclude).withIndirect(indirect);
        if (selector != null) {
            s = s.withSelector(selector);
        }
        return state == null ? s : s.withState(state);
    }

    static final class IndirectConverter implements ITypeConverter<Selection.Indirect> {
        @Override
        public Selection.Indirect convert(String value) {
            try {
                return Selection.Indirect.of(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("'" + value + "' is not an indirect selection mode: use eager, cautious, "
                        + "buildable or empty");
            }
        }
    }
}
