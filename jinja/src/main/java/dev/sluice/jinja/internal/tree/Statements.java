package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.runtime.ControlFlow;
import dev.sluice.jinja.internal.runtime.Errors;
import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.internal.runtime.Out;
import dev.sluice.jinja.spi.Markup;
import java.util.List;

/** The simple statements: output, if, set, do, with, filter blocks, autoescape, break and continue. */
public final class Statements {
    private Statements() {
    }

    /** Template text and {@code {{ }}} expressions, in order. */
    public static final class Output extends Stmt {
        private final Object[] parts;
        private final EscapeMode escape;

        /** Parts are Strings (template data) or Exprs. */
        public Output(int line, List<Object> parts, EscapeMode escape) {
            super(line);
            this.parts = parts.toArray();
            this.escape = escape;
        }

        /** True when this output is only whitespace template text (allowed in required blocks). */
        public boolean isWhitespaceData() {
            for (Object p : parts) {
                if (!(p instanceof String s) || s.isEmpty() || !s.isBlank()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            boolean esc = escape.active(f);
            for (Object p : parts) {
                if (p instanceof String s) {
                    out.append(s);
                } else {
                    Expr e = (Expr) p;
                    try {
                        Out.write(out, e.eval(f), esc);
                    } catch (RuntimeException ex) {
                        throw Errors.locate(f, e.line, ex);
                    }
                }
            }
        }
    }

    /** {@code {% if %}...{% elif %}...{% else %}...{% endif %}}: no new scope. */
    public static final class If extends Stmt {
        private final Expr[] tests;
        private final int[] testLines;
        private final Stmt[][] bodies;
        private final Stmt[] otherwise;

        public If(int line, List<Expr> tests, List<Integer> testLines, List<List<Stmt>> bodies, List<Stmt> otherwise) {
            super(line);
            this.tests = tests.toArray(new Expr[0]);
            this.testLines = testLines.stream().mapToInt(Integer::intValue).toArray();
            this.bodies = bodies.stream().map(b -> b.toArray(new Stmt[0])).toArray(Stmt[][]::new);
            this.otherwise = otherwise.toArray(new Stmt[0]);
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            for (int i = 0; i < tests.length; i++) {
                boolean ok;
                try {
                    ok = PyOps.truthy(tests[i].eval(f));
                } catch (RuntimeException e) {
                    throw Errors.locate(f, testLines[i], e);
                }
                if (ok) {
                    Stmts.exec(bodies[i], f, out);
                    return;
                }
            }
            Stmts.exec(otherwise, f, out);
        }
    }

    /** {@code {% set target = value %}}. */
    public static final class Assign extends Stmt {
        private final Names.Target target;
        private final Expr value;

        public Assign(int line, Names.Target target, Expr value) {
            super(line);
            this.target = target;
            this.value = value;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            target.store(f, value.eval(f), false);
        }
    }

    /** {@code {% set target | filter %}...{% endset %}}. */
    public static final class AssignBlock extends Stmt {
        private final Names.Target target;
        private final FilterChain filter;
        private final Stmt[] body;
        private final EscapeMode escape;

        public AssignBlock(int line, Names.Target target, FilterChain filter, List<Stmt> body, EscapeMode escape) {
            super(line);
            this.target = target;
            this.filter = filter;
            this.body = body.toArray(new Stmt[0]);
            this.escape = escape;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            Frame inner = f.child();
            StringBuilder buffer = new StringBuilder();
            Stmts.exec(body, inner, buffer);
            Object value = buffer.toString();
            if (filter != null) {
                value = filter.apply(inner, Out.result(buffer, escape.active(f)));
            }
            if (f.autoescape() && !(value instanceof Markup)) {
                value = new Markup(PyRepr.str(value));
            }
            target.store(f, value, false);
        }
    }

    /** {@code {% do expr %}}. */
    public static final class Do extends Stmt {
        private final Expr expr;

        public Do(int line, Expr expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            expr.eval(f);
        }
    }

    /** {@code {% with a=1, b=2 %}...{% endwith %}}: values are evaluated in the outer scope. */
    public static final class With extends Stmt {
        private final Names.Target[] targets;
        private final Expr[] values;
        private final Stmt[] body;

        public With(int line, List<Names.Target> targets, List<Expr> values, List<Stmt> body) {
            super(line);
            this.targets = targets.toArray(new Names.Target[0]);
            this.values = values.toArray(new Expr[0]);
            this.body = body.toArray(new Stmt[0]);
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            Frame inner = f.child();
            for (int i = 0; i < targets.length; i++) {
                targets[i].store(inner, values[i].eval(f), true);
            }
            Stmts.exec(body, inner, out);
        }
    }

    /** {@code {% filter upper %}...{% endfilter %}}. */
    public static final class FilterBlock extends Stmt {
        private final FilterChain filter;
        private final Stmt[] body;
        private final EscapeMode escape;

        public FilterBlock(int line, FilterChain filter, List<Stmt> body, EscapeMode escape) {
            super(line);
            this.filter = filter;
            this.body = body.toArray(new Stmt[0]);
            this.escape = escape;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            Frame inner = f.child();
            StringBuilder buffer = new StringBuilder();
            Stmts.exec(body, inner, buffer);
            Object value = Out.result(buffer, escape.active(f));
            Out.write(out, filter.apply(inner, value), false);
        }
    }

    /** {@code {% autoescape expr %}...{% endautoescape %}}: a scope with the runtime setting changed. */
    public static final class Autoescape extends Stmt {
        private final Expr setting;
        private final Stmt[] body;

        public Autoescape(int line, Expr setting, List<Stmt> body) {
            super(line);
            this.setting = setting;
            this.body = body.toArray(new Stmt[0]);
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            boolean saved = f.context().autoescape();
            f.context().setAutoescape(PyOps.truthy(setting.eval(f)));
            try {
                Stmts.exec(body, f.child(), out);
            } finally {
                f.context().setAutoescape(saved);
            }
        }
    }

    /** {@code {% break %}} and {@code {% continue %}}. */
    public static final class LoopControl extends Stmt {
        private final boolean isBreak;

        public LoopControl(int line, boolean isBreak) {
            super(line);
            this.isBreak = isBreak;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            throw isBreak ? ControlFlow.BREAK : ControlFlow.CONTINUE;
        }
    }
}
