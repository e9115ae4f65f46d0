package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.py.PyAccess;
import dev.sluice.jinja.internal.py.PySlice;
import dev.sluice.jinja.internal.runtime.Frame;

/** Attribute, item and slice access. */
public final class Access {
    private Access() {
    }

    /** {@code obj.name}. */
    public static final class Getattr extends Expr {
        final Expr target;
        final String name;

        public Getattr(int line, Expr target, String name) {
            super(line);
            this.target = target;
            this.name = name;
        }

        public Expr target() {
            return target;
        }

        public String name() {
            return name;
        }

        @Override
        public Object eval(Frame f) {
            return PyAccess.getattr(f.policy(), target.eval(f), name);
        }
    }

    /** {@code obj[key]} and {@code obj.0}. */
    public static final class Getitem extends Expr {
        private final Expr target;
        private final Expr key;

        public Getitem(int line, Expr target, Expr key) {
            super(line);
            this.target = target;
            this.key = key;
        }

        @Override
        public Object eval(Frame f) {
            Object obj = target.eval(f);
            return PyAccess.getitem(f.policy(), obj, key.eval(f));
        }
    }

    /** {@code start:stop:step} inside brackets; absent parts are null. */
    public static final class SliceExpr extends Expr {
        private final Expr start;
        private final Expr stop;
        private final Expr step;

        public SliceExpr(int line, Expr start, Expr stop, Expr step) {
            super(line);
            this.start = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        public Object eval(Frame f) {
            return new PySlice(start == null ? null : start.eval(f), stop == null ? null : stop.eval(f),
                    step == null ? null : step.eval(f));
        }
    }
}
