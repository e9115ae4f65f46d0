package dev.sluice.jinja.spi;

import java.util.ArrayList;
import java.util.List;

/**
 * A macro's parameter list as parsed from a template, {@code (model, column_name, n=1)}; default
 * values are template expressions, opaque to the host except through {@link #withParameter}.
 */
public final class MacroSignature {
    /** No parameters. */
    public static final MacroSignature EMPTY = new MacroSignature(List.of(), List.of());

    private final List<String> names;
    private final List<Object> defaults;

    /** {@code defaults} holds the default expressions of the last {@code defaults.size()} parameters. */
    public MacroSignature(List<String> names, List<Object> defaults) {
        if (defaults.size() > names.size()) {
            throw new IllegalArgumentException("more defaults than parameters");
        }
        this.names = List.copyOf(names);
        this.defaults = List.copyOf(defaults);
    }

    public List<String> names() {
        return names;
    }

    /** The default expressions (engine-internal objects), aligned to the last parameters. */
    public List<Object> defaults() {
        return defaults;
    }

    /** This signature plus a parameter whose default is {@code defaultExpression} (from {@link TagParser#expression()}). */
    public MacroSignature withParameter(String name, Object defaultExpression) {
        if (names.contains(name)) {
            return this;
        }
        List<String> n = new ArrayList<>(names);
        n.add(name);
        List<Object> d = new ArrayList<>(defaults);
        if (d.size() != names.size()) {
            throw new IllegalStateException("a parameter without default would follow '" + name + "'");
        }
        d.add(defaultExpression);
        return new MacroSignature(n, d);
    }
}
