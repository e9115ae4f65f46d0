package dev.sluice.jinja;

import static java.util.Objects.requireNonNull;

import dev.sluice.jinja.internal.runtime.Rendering;
import dev.sluice.jinja.internal.tree.TemplateNode;
import java.util.Map;

/**
 * A parsed template: immutable, renders concurrently from many threads.
 *
 * <pre>{@code
 * Template t = env.parse("greeting", "Hello {{ name }}!");
 * String text = t.render(Map.of("name", "Ada"));
 * TemplateModule m = env.parse("macros.sql", "{% macro cents(c) %}{{ c }} / 100{% endmacro %}").module(Map.of());
 * Object sql = m.call("cents", Arguments.of("amount"));   // "amount / 100"
 * }</pre>
 */
public final class Template {
    private final Environment environment;
    private final TemplateNode tree;

    Template(Environment environment, TemplateNode tree) {
        this.environment = environment;
        this.tree = tree;
    }

    public Environment environment() {
        return environment;
    }

    /** The name given when parsing, or null. */
    public String name() {
        return tree.name();
    }

    /**
     * Renders with {@code variables} (over the environment's globals).
     *
     * @throws TemplateRuntimeException with the template name, line and macro call chain
     */
    public String render(Map<String, ?> variables) {
        StringBuilder out = new StringBuilder(256);
        render(variables, out);
        return out.toString();
    }

    /** Renders into {@code out}. */
    public void render(Map<String, ?> variables, StringBuilder out) {
        Rendering.render(environment, tree, requireNonNull(variables, "variables is null"), out);
    }

    /** Runs the template's top level with {@code variables}; its macros and top-level variables become the module's exports. */
    public TemplateModule module(Map<String, ?> variables) {
        return new TemplateModule(Rendering.module(environment, tree, requireNonNull(variables, "variables is null")));
    }

    /**
     * This template bound to {@code other}, without parsing again: for environments that differ
     * only in undefined policy, autoescape default or globals. Filters, tests and block tags stay
     * those of the environment it was parsed with.
     */
    public Template withEnvironment(Environment other) {
        return new Template(requireNonNull(other, "other is null"), tree);
    }

    /** The macros defined at the template's top level (including host block tags), in order, without running it. */
    public java.util.List<MacroInfo> macros() {
        java.util.List<MacroInfo> out = new java.util.ArrayList<>();
        for (dev.sluice.jinja.internal.tree.Stmt s : tree.body()) {
            if (s instanceof dev.sluice.jinja.internal.tree.MacroStmts.Define d) {
                out.add(new MacroInfo(d.def().name(), d.def().params(), d.def().line()));
            }
        }
        return out;
    }

    /** The parsed tree; engine-internal. */
    public TemplateNode tree() {
        return tree;
    }
}
