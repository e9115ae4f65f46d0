package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.Environment;
import dev.sluice.jinja.internal.tree.BlockStmt;
import dev.sluice.jinja.internal.tree.Stmt;
import dev.sluice.jinja.internal.tree.Statements;
import dev.sluice.jinja.internal.tree.TemplateNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Entry points that render a template tree or instantiate it as a module. */
public final class Rendering {
    private Rendering() {
    }

    /** Renders {@code template} with {@code vars} (over the environment's globals) into {@code out}. */
    public static void render(Environment env, TemplateNode template, Map<String, ?> vars, StringBuilder out) {
        RenderState state = new RenderState(env);
        Context ctx = new Context(state, template, vars, false);
        renderIn(template, ctx, out);
    }

    /** Runs {@code template}'s top level with {@code vars} and returns its exports and output. */
    public static TemplateModuleObject module(Environment env, TemplateNode template, Map<String, ?> vars) {
        RenderState state = new RenderState(env);
        return makeModule(state, template, vars, false);
    }

    static TemplateModuleObject makeModule(RenderState state, TemplateNode template, Map<String, ?> vars,
            boolean varsHaveGlobals) {
        Context ctx = new Context(state, template, vars, varsHaveGlobals);
        StringBuilder out = new StringBuilder();
        Frame root = renderIn(template, ctx, out);
        return new TemplateModuleObject(template.name(), TemplateModuleObject.exportsOf(ctx), out.toString(), root);
    }

    /**
     * Renders a template's top level in {@code ctx}, then, if it extended another template, that
     * template in the same context. Output after {@code extends} is discarded, as Jinja2 does.
     */
    static Frame renderIn(TemplateNode template, Context ctx, StringBuilder out) {
        Frame root = Frame.root(ctx, template);
        StringBuilder discard = null;
        for (Stmt s : template.body()) {
            if (discard != null && (s instanceof Statements.Output || s instanceof BlockStmt)) {
                continue;
            }
            try {
                s.exec(root, discard != null ? discard : out);
            } catch (RuntimeException e) {
                throw Errors.locate(root, s.line(), e);
            }
            if (ctx.extendedBy != null && discard == null) {
                discard = new StringBuilder();
            }
        }
        if (ctx.extendedBy != null) {
            TemplateNode parent = ctx.extendedBy;
            ctx.extendedBy = null;
            Map<String, List<BlockStmt>> blocks = ctx.blocks();
            for (Map.Entry<String, BlockStmt> e : parent.blocks().entrySet()) {
                blocks.computeIfAbsent(e.getKey(), k -> new ArrayList<>(2)).add(e.getValue());
            }
            renderIn(parent, ctx, out);
        }
        return root;
    }

    /** {@code {% include %}}: renders {@code template} with the current variables (or only globals). */
    public static void include(Frame f, TemplateNode template, boolean withContext, StringBuilder out) {
        Context ctx = withContext ? new Context(f.state, template, f.visibleVariables(), true)
                : new Context(f.state, template, Map.of(), false);
        renderIn(template, ctx, out);
    }

    /** {@code {% import %}} and {@code {% from %}}: the template as a module. */
    public static TemplateModuleObject importModule(Frame f, TemplateNode template, boolean withContext) {
        if (withContext) {
            return makeModule(f.state, template, f.visibleVariables(), true);
        }
        return f.state.defaultModule(template, () -> makeModule(f.state, template, Map.of(), false));
    }
}
