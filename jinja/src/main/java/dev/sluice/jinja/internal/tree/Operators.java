package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.py.PyNumbers;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.List;

/** Arithmetic, concatenation, comparison, boolean and conditional expressions. */
public final class Operators {
    private Operators() {
    }

    public enum BinaryOp { ADD, SUB, MUL, DIV, FLOORDIV, MOD, POW }

    /** {@code a + b} and the other arithmetic operators. */
    public static final class Binary extends Expr {
        private final BinaryOp op;
        private final Expr left;
        private final Expr right;

        public Binary(int line, BinaryOp op, Expr left, Expr right) {
            super(line);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        public Object eval(Frame f) {
            Object a = left.eval(f);
            Object b = right.eval(f);
            return switch (op) {
                case ADD -> PyOps.add(a, b);
                case SUB -> PyOps.sub(a, b);
                case MUL -> PyOps.mul(a, b);
                case DIV -> PyOps.truediv(a, b);
                case FLOORDIV -> PyOps.floordiv(a, b);
                case MOD -> PyOps.mod(a, b);
                case POW -> PyOps.pow(a, b);
            };
        }

        @Override
        public boolean foldable() {
            return allFoldable(left, right);
        }
    }

    /** {@code -x} and {@code +x}. */
    public static final class Unary extends Expr {
        private final boolean negate;
        private final Expr operand;

        public Unary(int line, boolean negate, Expr operand) {
            super(line);
            this.negate = negate;
            this.operand = operand;
        }

        @Override
        public Object eval(Frame f) {
            Object v = operand.eval(f);
            return negate ? PyNumbers.neg(v) : PyNumbers.pos(v);
        }

        @Override
        public boolean foldable() {
            return operand.foldable();
        }
    }

    /** {@code a ~ b ~ c}: string concatenation of str() values; Markup-aware when autoescaping. */
    public static final class Concat extends Expr {
        private final Expr[] parts;
        private final EscapeMode escape;
        private final boolean folded;

        public Concat(int line, List<Expr> parts, EscapeMode escape) {
            super(line);
            this.parts = parts.toArray(new Expr[0]);
            this.escape = escape;
            // Jinja2 folds a constant concatenation at compile time with str(), dropping Markup
            this.folded = allFoldable(this.parts);
        }

        @Override
        public boolean foldable() {
            return folded;
        }

        @Override
        public Object eval(Frame f) {
            Object[] values = new Object[parts.length];
            boolean markup = false;
            for (int i = 0; i < parts.length; i++) {
                values[i] = parts[i].eval(f);
                markup |= values[i] instanceof Markup;
            }
            StringBuilder sb = new StringBuilder();
            if (markup && escape.active(f) && !folded) {
                for (Object v : values) {
                    sb.append(v instanceof Markup m ? m.toString() : Markup.escapeText(str(v)));
                }
                return new Markup(sb.toString());
            }
            for (Object v : values) {
                sb.append(str(v));
            }
            return sb.toString();
        }

        private static String str(Object v) {
            if (v instanceof Undefined u) {
                u.checkUsable();
                return "";
            }
            return PyRepr.str(v);
        }
    }

    public enum CompareOp { EQ, NE, LT, LTEQ, GT, GTEQ, IN, NOTIN }

    /** A comparison chain {@code a < b <= c}. */
    public static final class Compare extends Expr {
        private final Expr first;
        private final CompareOp[] ops;
        private final Expr[] operands;

        public Compare(int line, Expr first, List<CompareOp> ops, List<Expr> operands) {
            super(line);
            this.first = first;
            this.ops = ops.toArray(new CompareOp[0]);
            this.operands = operands.toArray(new Expr[0]);
        }

        @Override
        public Object eval(Frame f) {
            Object left = first.eval(f);
            for (int i = 0; i < ops.length; i++) {
                Object right = operands[i].eval(f);
                if (!test(ops[i], left, right)) {
                    return Boolean.FALSE;
                }
                left = right;
            }
            return Boolean.TRUE;
        }

        @Override
        public boolean foldable() {
            return first.foldable() && allFoldable(operands);
        }

        static boolean test(CompareOp op, Object a, Object b) {
            return switch (op) {
                case EQ -> PyOps.eq(a, b);
                case NE -> !PyOps.eq(a, b);
                case LT -> PyOps.lt(a, b);
                case LTEQ -> PyOps.le(a, b);
                case GT -> PyOps.gt(a, b);
                case GTEQ -> PyOps.ge(a, b);
                case IN -> PyOps.contains(b, a);
                case NOTIN -> !PyOps.contains(b, a);
            };
        }
    }

    /** {@code a and b}: Python's short-circuit returning an operand. */
    public static final class And extends Expr {
        private final Expr left;
        private final Expr right;

        public And(int line, Expr left, Expr right) {
            super(line);
            this.left = left;
            this.right = right;
        }

        @Override
        public Object eval(Frame f) {
            Object a = left.eval(f);
            return PyOps.truthy(a) ? right.eval(f) : a;
        }

        @Override
        public boolean foldable() {
            return allFoldable(left, right);
        }
    }

    /** {@code a or b}. */
    public static final class Or extends Expr {
        private final Expr left;
        private final Expr right;

        public Or(int line, Expr left, Expr right) {
            super(line);
            this.left = left;
            this.right = right;
        }

        @Override
        public Object eval(Frame f) {
            Object a = left.eval(f);
            return PyOps.truthy(a) ? a : right.eval(f);
        }

        @Override
        public boolean foldable() {
            return allFoldable(left, right);
        }
    }

    /** {@code not x}. */
    public static final class Not extends Expr {
        private final Expr operand;

        public Not(int line, Expr operand) {
            super(line);
            this.operand = operand;
        }

        @Override
        public Object eval(Frame f) {
            return !PyOps.truthy(operand.eval(f));
        }

        @Override
        public boolean foldable() {
            return operand.foldable();
        }
    }

    /** {@code a if cond else b}; without else, a lenient undefined value. */
    public static final class CondExpr extends Expr {
        private final Expr test;
        private final Expr then;
        private final Expr otherwise;
        private final String position;

        public CondExpr(int line, Expr test, Expr then, Expr otherwise, String position) {
            super(line);
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
            this.position = position;
        }

        @Override
        public Object eval(Frame f) {
            if (PyOps.truthy(test.eval(f))) {
                return then.eval(f);
            }
            if (otherwise != null) {
                return otherwise.eval(f);
            }
            return Undefined.hint(UndefinedPolicy.DEFAULT, "the inline if-expression on " + position
                    + " evaluated to false and no else section was defined.");
        }
    }
}
