package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.tree.BlockStmt;
import dev.sluice.jinja.internal.tree.Stmts;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Undefined;
import java.util.List;

/** Template inheritance: {@code extends}, block chains, {@code super()} and {@code self.block()}. */
public final class Inheritance {
    private Inheritance() {
    }

    public static void extend(Frame f, Object spec) {
        if (f.ctx.extendedBy != null) {
            throw PyErrors.runtime("extended multiple times");
        }
        f.ctx.extendedBy = Loading.resolve(f, spec, false, false);
    }

    /** Renders block {@code name}'s most derived version; {@code outer} is the scope of a scoped block, or null. */
    public static void renderBlock(Frame f, String name, Frame outer, StringBuilder out) {
        List<BlockStmt> chain = f.ctx.blocks().get(name);
        render(f.ctx, chain, 0, name, outer, out);
    }

    static void render(Context ctx, List<BlockStmt> chain, int index, String name, Frame outer, StringBuilder out) {
        BlockStmt block = chain.get(index);
        if (block.required()) {
            throw PyErrors.runtime("Required block " + PyRepr.repr(name) + " not found");
        }
        Frame frame = Frame.block(ctx, block.owner(), outer);
        frame.bind("super", index + 1 < chain.size() ? new BlockReference(ctx, chain, index + 1, name)
                : Undefined.hint(frame.policy(), "there is no parent block called " + PyRepr.repr(name) + "."));
        Stmts.exec(block.body(), frame, out);
    }

    /** {@code super} and {@code self.name}: calling it renders that block. */
    static final class BlockReference implements JinjaCallable, JinjaObject {
        private final Context ctx;
        private final List<BlockStmt> chain;
        private final int index;
        private final String name;

        BlockReference(Context ctx, List<BlockStmt> chain, int index, String name) {
            this.ctx = ctx;
            this.chain = chain;
            this.index = index;
            this.name = name;
        }

        @Override
        public Object call(CallContext context, Arguments arguments) {
            StringBuilder out = new StringBuilder();
            render(ctx, chain, index, name, null, out);
            return Out.result(out, ctx.autoescape);
        }

        @Override
        public Object attribute(String attr) {
            if (attr.equals("super")) {
                return index + 1 < chain.size() ? new BlockReference(ctx, chain, index + 1, name)
                        : Undefined.hint(ctx.state.env.undefinedPolicy(),
                                "no super block available for " + PyRepr.repr(name));
            }
            return ABSENT;
        }

        @Override
        public String str() {
            return "<BlockReference " + PyRepr.repr(name) + ">";
        }

    }

    /** {@code self}: the template's blocks by name. */
    static final class TemplateReference implements JinjaObject {
        private final Context ctx;

        TemplateReference(Context ctx) {
            this.ctx = ctx;
        }

        @Override
        public Object attribute(String attr) {
            List<BlockStmt> chain = ctx.blocks().get(attr);
            return chain == null ? ABSENT : new BlockReference(ctx, chain, 0, attr);
        }

        @Override
        public Object item(Object key) {
            return key instanceof String s ? attribute(s) : ABSENT;
        }

        @Override
        public String str() {
            return "<TemplateReference " + PyRepr.repr(ctx.template.name()) + ">";
        }

    }
}
