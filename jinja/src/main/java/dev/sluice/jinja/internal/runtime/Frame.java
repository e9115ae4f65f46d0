package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.internal.tree.TemplateNode;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * A variable scope while rendering: a template's top level (whose locals are its context's
 * vars), a loop iteration, a macro call, a {@code with} block. Names resolve through the chain
 * of frames, then the template context, then the environment's globals. Frames are also the
 * {@link CallContext} host functions see.
 */
public final class Frame implements CallContext {
    static final Object NOT_FOUND = new Object();

    final Frame parent;
    final Context ctx;
    final RenderState state;
    final TemplateNode template;
    private final boolean root;
    private Map<String, Object> locals;

    private Frame(Frame parent, Context ctx, TemplateNode template, boolean root, Map<String, Object> locals) {
        this.parent = parent;
        this.ctx = ctx;
        this.state = ctx.state;
        this.template = template;
        this.root = root;
        this.locals = locals;
    }

    /** The top-level frame of {@code template} rendered in {@code ctx}. */
    static Frame root(Context ctx, TemplateNode template) {
        return new Frame(null, ctx, template, true, ctx.vars);
    }

    /**
     * The frame a block of {@code template} renders in: it sees the context, and the locals of
     * {@code outer} when the block is scoped (outer may be null).
     */
    static Frame block(Context ctx, TemplateNode template, Frame outer) {
        return new Frame(outer, ctx, template, false, null);
    }

    /** A nested scope whose assignments stay inside it. */
    public Frame child() {
        return new Frame(this, ctx, template, false, null);
    }

    /** The template whose code runs in this frame (for error locations). */
    public TemplateNode template() {
        return template;
    }

    public RenderState state() {
        return state;
    }

    public Context context() {
        return ctx;
    }

    public UndefinedPolicy policy() {
        return state.env.undefinedPolicy();
    }

    /** The value of {@code name}, or an undefined value naming it. */
    public Object lookup(String name) {
        Object v = find(name);
        return v == NOT_FOUND ? Undefined.name(policy(), name) : v;
    }

    /** The value of {@code name}, or NOT_FOUND. */
    Object find(String name) {
        for (Frame f = this; f != null; f = f.parent) {
            Map<String, Object> l = f.locals;
            if (l != null) {
                Object v = l.get(name);
                if (v != null || l.containsKey(name)) {
                    return v;
                }
            }
            if (f.root) {
                break;
            }
        }
        return ctx.resolve(name);
    }

    /** Assigns in this scope; at a template's top level the name is also exported. */
    public void assign(String name, Object value) {
        if (root) {
            ctx.assignTopLevel(name, value);
        } else {
            if (locals == null) {
                locals = new HashMap<>(8);
            }
            locals.put(name, value);
        }
    }

    /** Assigns like {@link #assign} but never exports the name (what imports do at the top level). */
    public void assignUnexported(String name, Object value) {
        if (root) {
            ctx.vars.put(name, value);
            ctx.exported.remove(name);
        } else {
            bind(name, value);
        }
    }

    /** Binds a name in this scope only, never exporting it (loop variables, macro parameters). */
    public void bind(String name, Object value) {
        if (locals == null) {
            locals = new HashMap<>(8);
        }
        locals.put(name, value);
    }

    public boolean isRoot() {
        return root;
    }

    /** Every variable visible from here, innermost winning: what {@code include} passes on. */
    Map<String, Object> visibleVariables() {
        Map<String, Object> all = ctx.all();
        ArrayDeque<Map<String, Object>> scopes = new ArrayDeque<>();
        for (Frame f = this; f != null && !f.root; f = f.parent) {
            if (f.locals != null) {
                scopes.push(f.locals);
            }
        }
        for (Map<String, Object> s : scopes) {
            all.putAll(s);
        }
        return all;
    }

    // ---- CallContext ------------------------------------------------------------------------

    @Override
    public Environment environment() {
        return state.env;
    }

    @Override
    public Object resolve(String name) {
        return lookup(name);
    }

    @Override
    public Object call(Object callable, Arguments arguments) {
        return Invoke.call(this, callable, arguments);
    }

    @Override
    public boolean autoescape() {
        return ctx.autoescape;
    }

    @Override
    public Undefined undefined(String hint) {
        return Undefined.hint(policy(), hint);
    }

    @Override
    public String templateName() {
        return template.name();
    }

    @Override
    public int line() {
        return state.line;
    }
}
