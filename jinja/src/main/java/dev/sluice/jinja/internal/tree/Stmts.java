package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Errors;
import dev.sluice.jinja.internal.runtime.Frame;

/** Runs statement lists, attaching each failing statement's line to the error. */
public final class Stmts {
    private Stmts() {
    }

    public static void exec(Stmt[] body, Frame f, StringBuilder out) {
        for (Stmt s : body) {
            try {
                s.exec(f, out);
            } catch (RuntimeException e) {
                throw Errors.locate(f, s.line, e);
            }
        }
    }

    /** Evaluates an expression, attaching its line to an error. */
    public static Object eval(Expr e, Frame f) {
        try {
            return e.eval(f);
        } catch (RuntimeException ex) {
            throw Errors.locate(f, e.line, ex);
        }
    }
}
