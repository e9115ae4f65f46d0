package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.internal.tree.TemplateNode;
import java.util.HashMap;
import java.util.Map;

/**
 * What one render shares across its templates, macros and includes: the environment, the
 * line of the host call in progress,
 * the macro nesting depth, and modules imported without context.
 */
public final class RenderState {
    /** Deeper macro nesting than this is reported as RecursionError, as Python's limit would. */
    static final int MAX_DEPTH = 400;

    final Environment env;
    int line;
    int depth;
    private Map<TemplateNode, TemplateModuleObject> defaultModules;

    public RenderState(Environment env) {
        this.env = env;
    }

    /** Records the template line of the host call about to happen (for {@code CallContext.line()}). */
    public void setLine(int line) {
        this.line = line;
    }

    public Environment environment() {
        return env;
    }

    TemplateModuleObject defaultModule(TemplateNode template, java.util.function.Supplier<TemplateModuleObject> make) {
        if (defaultModules == null) {
            defaultModules = new HashMap<>();
        }
        TemplateModuleObject m = defaultModules.get(template);
        if (m == null) {
            m = make.get();
            defaultModules.put(template, m);
        }
        return m;
    }
}
