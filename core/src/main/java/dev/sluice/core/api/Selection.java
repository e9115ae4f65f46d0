package dev.sluice.core.api;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Which nodes a command acts on, in dbt's selection syntax: {@code select} and {@code exclude}
 * lists of space- or comma-joined selectors (names, {@code +name+}, {@code tag:x},
 * {@code path:models/rsv}, {@code state:modified}); or a named {@code selector} from
 * selectors.yml. An empty select list selects everything (or the default YAML selector).
 *
 * @param selector a selectors.yml selector's name, or null
 * @param state the target directory of another run (its manifest.json and run_results.json),
 *     which {@code state:} and {@code result:} selectors compare with; or null
 * @param indirect which tests come with the selected nodes
 */
public record Selection(List<String> select, List<String> exclude, String selector, Path state, Indirect indirect) {
    /** dbt's indirect selection of tests: eager (any tested node selected), cautious, buildable, empty. */
    public enum Indirect {
        EAGER, CAUTIOUS, BUILDABLE, EMPTY;

        public static Indirect of(String name) {
            return valueOf(name.toUpperCase(Locale.ROOT));
        }
    }

    public Selection {
        select = List.copyOf(select);
        exclude = List.copyOf(exclude);
        indirect = indirect == null ? Indirect.EAGER : indirect;
    }

    public Selection(List<String> select, List<String> exclude) {
        this(select, exclude, null, null, Indirect.EAGER);
    }

    public static Selection all() {
        return new Selection(List.of(), List.of());
    }

    public static Selection of(String... select) {
        return new Selection(List.of(select), List.of());
    }

    public Selection excluding(String... exclude) {
        return new Selection(select, List.of(exclude), selector, state, indirect);
    }

    /** This selection compared with another run's artifacts in {@code dir} (dbt's --state). */
    public Selection withState(Path dir) {
        return new Selection(select, exclude, selector, dir, indirect);
    }

    /** selectors.yml's selector {@code name} instead of select/exclude (dbt's --selector). */
    public Selection withSelector(String name) {
        return new Selection(select, exclude, name, state, indirect);
    }

    public Selection withIndirect(Indirect mode) {
        return new Selection(select, exclude, selector, state, mode);
    }
}
