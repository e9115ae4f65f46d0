package dev.sluice.jinja;

import java.util.Optional;

/**
 * Finds template sources by name for {@code include}, {@code import}, {@code from} and
 * {@code extends}, and for {@link Environment#getTemplate(String)}.
 *
 * <pre>{@code
 * TemplateLoader loader = name -> Optional.ofNullable(sources.get(name));
 * }</pre>
 */
@FunctionalInterface
public interface TemplateLoader {
    /** The source of template {@code name}, or empty when there is none. */
    Optional<String> load(String name);

    /** A loader that finds nothing. */
    static TemplateLoader none() {
        return name -> Optional.empty();
    }
}
