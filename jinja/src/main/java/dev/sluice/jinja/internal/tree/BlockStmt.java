package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.internal.runtime.Inheritance;
import java.util.List;

/** {@code {% block name [scoped] [required] %}...{% endblock %}}: renders the most derived override. */
public final class BlockStmt extends Stmt {
    private final String name;
    private final boolean scoped;
    private final boolean required;
    private final Stmt[] body;
    private TemplateNode owner;

    public BlockStmt(int line, String name, boolean scoped, boolean required, List<Stmt> body) {
        super(line);
        this.name = name;
        this.scoped = scoped;
        this.required = required;
        this.body = body.toArray(new Stmt[0]);
    }

    public String name() {
        return name;
    }

    public boolean required() {
        return required;
    }

    public Stmt[] body() {
        return body;
    }

    /** The template this block was written in. */
    public TemplateNode owner() {
        return owner;
    }

    void setOwner(TemplateNode owner) {
        if (this.owner == null) {
            this.owner = owner;
        }
    }

    @Override
    public void exec(Frame f, StringBuilder out) {
        Inheritance.renderBlock(f, name, scoped ? f : null, out);
    }

    /** {@code {% extends name %}}. */
    public static final class Extends extends Stmt {
        private final Expr template;

        public Extends(int line, Expr template) {
            super(line);
            this.template = template;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            Inheritance.extend(f, template.eval(f));
        }
    }
}
