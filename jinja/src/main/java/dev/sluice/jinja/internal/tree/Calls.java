package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.py.PyAccess;
import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyMethods;
import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.internal.runtime.Invoke;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaTest;
import dev.sluice.jinja.spi.Undefined;

/** Calls, filters and tests. */
public final class Calls {
    private Calls() {
    }

    /** {@code callee(args)}, including calling the result of a call. */
    public static final class Call extends Expr {
        private final Expr callee;
        private final CallArgs args;

        public Call(int line, Expr callee, CallArgs args) {
            super(line);
            this.callee = callee;
            this.args = args;
        }

        @Override
        public Object eval(Frame f) {
            return eval(f, null, null);
        }

        /** Evaluates the call, passing one extra keyword argument (a call block's {@code caller}). */
        public Object eval(Frame f, String extraName, Object extraValue) {
            if (callee instanceof Access.Getattr g) {
                Object obj = g.target.eval(f);
                if (!(obj instanceof Undefined || obj instanceof JinjaObject) && !g.name.startsWith("_")) {
                    Arguments a = args.eval(f, extraName, extraValue);
                    f.state().setLine(line);
                    Object r = PyMethods.call(f, obj, g.name, a);
                    if (r != PyMethods.NO_METHOD) {
                        return r;
                    }
                    return Invoke.call(f, PyAccess.getattr(f.policy(), obj, g.name), a);
                }
                Object fn = PyAccess.getattr(f.policy(), obj, g.name);
                Arguments a = args.eval(f, extraName, extraValue);
                f.state().setLine(line);
                return Invoke.call(f, fn, a);
            }
            Object fn = callee.eval(f);
            Arguments a = args.eval(f, extraName, extraValue);
            f.state().setLine(line);
            return Invoke.call(f, fn, a);
        }
    }

    /** {@code value | name(args)}; in a filter block the value is the block's output. */
    public static final class FilterExpr extends Expr {
        private final Expr value;
        private final String name;
        private final JinjaFilter filter;
        private final CallArgs args;

        public FilterExpr(int line, Expr value, String name, JinjaFilter filter, CallArgs args) {
            super(line);
            this.value = value;
            this.name = name;
            this.filter = filter;
            this.args = args;
        }

        /** The same filter applied to another value expression (used to chain filters in a filter block). */
        public FilterExpr withValue(Expr newValue) {
            return new FilterExpr(line, newValue, name, filter, args);
        }

        public Expr value() {
            return value;
        }

        @Override
        public Object eval(Frame f) {
            return apply(f, value.eval(f));
        }

        @Override
        public boolean foldable() {
            return filter != null && value != null && value.foldable() && args.foldable()
                    && !CONTEXT_FILTERS.contains(name);
        }

        /** Filters Jinja2 marks pass_context: never folded at compile time. */
        private static final java.util.Set<String> CONTEXT_FILTERS = java.util.Set.of("random", "map", "select",
                "reject", "selectattr", "rejectattr");

        /** Applies the filter to an already computed value. */
        public Object apply(Frame f, Object v) {
            if (filter == null) {
                throw PyErrors.runtime("No filter named '" + name + "' found.");
            }
            Arguments a = args.eval(f);
            f.state().setLine(line);
            return filter.apply(f, v, a);
        }
    }

    /** {@code value is name(args)}. */
    public static final class TestExpr extends Expr {
        private final Expr value;
        private final String name;
        private final JinjaTest test;
        private final CallArgs args;

        public TestExpr(int line, Expr value, String name, JinjaTest test, CallArgs args) {
            super(line);
            this.value = value;
            this.name = name;
            this.test = test;
            this.args = args;
        }

        @Override
        public Object eval(Frame f) {
            Object v = value.eval(f);
            if (test == null) {
                throw PyErrors.runtime("No test named '" + name + "' found.");
            }
            Arguments a = args.eval(f);
            f.state().setLine(line);
            return test.test(f, v, a);
        }

        @Override
        public boolean foldable() {
            return test != null && value.foldable() && args.foldable();
        }
    }
}
