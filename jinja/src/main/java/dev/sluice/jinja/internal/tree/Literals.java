package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.spi.PyTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Literal expressions: constants, tuples, lists and dicts. */
public final class Literals {
    private Literals() {
    }

    /** An immutable constant: None, bool, int, float or str. */
    public static final class Const extends Expr {
        private final Object value;

        public Const(int line, Object value) {
            super(line);
            this.value = value;
        }

        public Object value() {
            return value;
        }

        @Override
        public Object eval(Frame f) {
            return value;
        }

        @Override
        public Object constantValue() {
            return value;
        }

        @Override
        public boolean foldable() {
            return true;
        }
    }

    /** {@code (a, b)}; also a tuple assignment target. */
    public static final class TupleExpr extends Expr {
        private final Expr[] items;

        public TupleExpr(int line, List<Expr> items) {
            super(line);
            this.items = items.toArray(new Expr[0]);
        }

        public Expr[] items() {
            return items;
        }

        @Override
        public boolean foldable() {
            return allFoldable(items);
        }

        @Override
        public Object eval(Frame f) {
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = items[i].eval(f);
            }
            return PyTuple.wrap(values);
        }

        @Override
        public boolean assignable() {
            for (Expr e : items) {
                if (!e.assignable()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public Object constantValue() {
            Object[] values = new Object[items.length];
            for (int i = 0; i < items.length; i++) {
                values[i] = items[i].constantValue();
                if (values[i] == NOT_CONSTANT) {
                    return NOT_CONSTANT;
                }
            }
            return PyTuple.wrap(values);
        }
    }

    /** {@code [a, b]}: a new list on every evaluation. */
    public static final class ListExpr extends Expr {
        private final Expr[] items;

        public ListExpr(int line, List<Expr> items) {
            super(line);
            this.items = items.toArray(new Expr[0]);
        }

        @Override
        public Object eval(Frame f) {
            List<Object> values = new ArrayList<>(Math.max(items.length, 4));
            for (Expr item : items) {
                values.add(item.eval(f));
            }
            return values;
        }

        @Override
        public boolean foldable() {
            return allFoldable(items);
        }

        @Override
        public Object constantValue() {
            List<Object> values = new ArrayList<>(items.length);
            for (Expr item : items) {
                Object v = item.constantValue();
                if (v == NOT_CONSTANT) {
                    return NOT_CONSTANT;
                }
                values.add(v);
            }
            return values;
        }
    }

    /** {@code {k: v}} where keys may be any expression: a new dict on every evaluation. */
    public static final class DictExpr extends Expr {
        private final Expr[] keys;
        private final Expr[] values;

        public DictExpr(int line, List<Expr> keys, List<Expr> values) {
            super(line);
            this.keys = keys.toArray(new Expr[0]);
            this.values = values.toArray(new Expr[0]);
        }

        @Override
        public Object eval(Frame f) {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                Object k = keys[i].eval(f);
                DictKeys.put(map, k, values[i].eval(f));
            }
            return map;
        }

        @Override
        public boolean foldable() {
            return allFoldable(keys) && allFoldable(values);
        }

        @Override
        public Object constantValue() {
            Map<Object, Object> map = new LinkedHashMap<>();
            for (int i = 0; i < keys.length; i++) {
                Object k = keys[i].constantValue();
                Object v = values[i].constantValue();
                if (k == NOT_CONSTANT || v == NOT_CONSTANT) {
                    return NOT_CONSTANT;
                }
                DictKeys.put(map, k, v);
            }
            return map;
        }
    }
}
