package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.internal.tree.BlockStmt;
import dev.sluice.jinja.internal.tree.TemplateNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Jinja2's template context: the variables a template was rendered with ({@code parent}), the
 * ones its top level assigned ({@code vars}, which are also its root frame's locals), which of
 * those it exports, and the block chains used by template inheritance.
 */
public final class Context {
    final RenderState state;
    final TemplateNode template;
    final Map<String, ?> parent;
    final boolean parentHasGlobals;
    final Map<String, Object> vars = new HashMap<>();
    final Set<String> exported = new LinkedHashSet<>();
    /** Jinja2's runtime eval context: whether output is autoescaped right now. */
    boolean autoescape;
    Map<String, List<BlockStmt>> blocks;
    TemplateNode extendedBy;

    /**
     * @param parent the variables visible to the template
     * @param parentHasGlobals true when {@code parent} already includes the environment's globals
     */
    Context(RenderState state, TemplateNode template, Map<String, ?> parent, boolean parentHasGlobals) {
        this.state = state;
        this.template = template;
        this.parent = parent;
        this.parentHasGlobals = parentHasGlobals;
        this.autoescape = state.env.autoescape();
    }

    public boolean autoescape() {
        return autoescape;
    }

    public void setAutoescape(boolean autoescape) {
        this.autoescape = autoescape;
    }

    /** A variable of the template (not of a frame): assigned, passed in, or global; NOT_FOUND otherwise. */
    Object resolve(String name) {
        Object v = vars.get(name);
        if (v != null || vars.containsKey(name)) {
            return v;
        }
        v = parent.get(name);
        if (v != null || parent.containsKey(name)) {
            return v;
        }
        if (!parentHasGlobals) {
            Map<String, Object> globals = state.env.globals();
            v = globals.get(name);
            if (v != null || globals.containsKey(name)) {
                return v;
            }
        }
        if (name.equals("self")) {
            return new Inheritance.TemplateReference(this);
        }
        return Frame.NOT_FOUND;
    }

    /** Everything visible to the template: globals, then parent, then assigned vars. */
    Map<String, Object> all() {
        Map<String, Object> all = new LinkedHashMap<>();
        if (!parentHasGlobals) {
            all.putAll(state.env.globals());
        }
        all.putAll(parent);
        all.putAll(vars);
        return all;
    }

    /** Records a top-level assignment (exported unless private). */
    void assignTopLevel(String name, Object value) {
        vars.put(name, value);
        if (!name.startsWith("_")) {
            exported.add(name);
        }
    }

    /** The blocks chain, initialized from the template's own blocks on first use. */
    Map<String, List<BlockStmt>> blocks() {
        if (blocks == null) {
            blocks = new HashMap<>();
            for (Map.Entry<String, BlockStmt> e : template.blocks().entrySet()) {
                List<BlockStmt> chain = new ArrayList<>(2);
                chain.add(e.getValue());
                blocks.put(e.getKey(), chain);
            }
        }
        return blocks;
    }
}
