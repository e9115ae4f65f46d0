package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Frame;

/** An expression node; evaluating it never writes output. */
public abstract class Expr {
    protected final int line;

    protected Expr(int line) {
        this.line = line;
    }

    public int line() {
        return line;
    }

    public abstract Object eval(Frame f);

    /** True when this node may be the target of an assignment. */
    public boolean assignable() {
        return false;
    }

    /** The constant value when this node is a literal made of constants; {@link #NOT_CONSTANT} otherwise. */
    public Object constantValue() {
        return NOT_CONSTANT;
    }

    public static final Object NOT_CONSTANT = new Object();

    /**
     * True when Jinja2's compiler would fold this expression to a constant (literals, and filters
     * and operators over them). It matters where folding changes the result: a folded {@code ~}
     * concatenation is a plain string even when its parts are Markup.
     */
    public boolean foldable() {
        return false;
    }

    static boolean allFoldable(Expr... exprs) {
        for (Expr e : exprs) {
            if (e != null && !e.foldable()) {
                return false;
            }
        }
        return true;
    }
}
