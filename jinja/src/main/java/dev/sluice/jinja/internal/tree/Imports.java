package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.internal.runtime.Loading;
import dev.sluice.jinja.internal.runtime.Rendering;
import dev.sluice.jinja.internal.runtime.TemplateModuleObject;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Undefined;
import java.util.List;

/** {@code include}, {@code import} and {@code from ... import}. */
public final class Imports {
    private Imports() {
    }

    /** {@code {% include name [ignore missing] [with|without context] %}}. */
    public static final class Include extends Stmt {
        private final Expr template;
        private final boolean ignoreMissing;
        private final boolean withContext;

        public Include(int line, Expr template, boolean ignoreMissing, boolean withContext) {
            super(line);
            this.template = template;
            this.ignoreMissing = ignoreMissing;
            this.withContext = withContext;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            TemplateNode t = Loading.resolve(f, template.eval(f), true, ignoreMissing);
            if (t != null) {
                Rendering.include(f, t, withContext, out);
            }
        }
    }

    /** {@code {% import name as target [with context] %}}. */
    public static final class Import extends Stmt {
        private final Expr template;
        private final String target;
        private final boolean withContext;

        public Import(int line, Expr template, String target, boolean withContext) {
            super(line);
            this.template = template;
            this.target = target;
            this.withContext = withContext;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            TemplateNode t = Loading.resolve(f, template.eval(f), false, false);
            f.assignUnexported(target, Rendering.importModule(f, t, withContext));
        }
    }

    /** {@code {% from name import a, b as c [with context] %}}. */
    public static final class FromImport extends Stmt {
        private final Expr template;
        private final List<String> names;
        private final List<String> aliases;
        private final boolean withContext;

        public FromImport(int line, Expr template, List<String> names, List<String> aliases, boolean withContext) {
            super(line);
            this.template = template;
            this.names = List.copyOf(names);
            this.aliases = List.copyOf(aliases);
            this.withContext = withContext;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            TemplateNode t = Loading.resolve(f, template.eval(f), false, false);
            TemplateModuleObject module = Rendering.importModule(f, t, withContext);
            for (int i = 0; i < names.size(); i++) {
                String name = names.get(i);
                Object v = module.attribute(name);
                if (v == JinjaObject.ABSENT) {
                    String where = "line " + line + (f.template().name() == null ? ""
                            : " in " + dev.sluice.jinja.internal.py.PyRepr.repr(f.template().name()));
                    v = Undefined.hint(f.policy(), "the template " + dev.sluice.jinja.internal.py.PyRepr.repr(t.name())
                            + " (imported on " + where + ") does not export the requested name "
                            + dev.sluice.jinja.internal.py.PyRepr.repr(name));
                }
                f.assignUnexported(aliases.get(i), v);
            }
        }
    }
}
