package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.builtins.Namespace;
import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.spi.Undefined;
import java.util.Iterator;
import java.util.List;

/** Variable references and assignment targets. */
public final class Names {
    private Names() {
    }

    /** A variable read. */
    public static final class Name extends Expr {
        private final String name;

        public Name(int line, String name) {
            super(line);
            this.name = name;
        }

        public String name() {
            return name;
        }

        @Override
        public Object eval(Frame f) {
            return f.lookup(name);
        }

        @Override
        public boolean assignable() {
            return !name.equals("true") && !name.equals("false") && !name.equals("none")
                    && !name.equals("True") && !name.equals("False") && !name.equals("None");
        }
    }

    /** Where an assignment stores: a name, a tuple of targets, or a namespace attribute. */
    public interface Target {
        /**
         * Stores {@code value}.
         *
         * @param bindOnly true for loop variables and parameters, which never reach the template's exports
         */
        void store(Frame f, Object value, boolean bindOnly);

        /** The names this target assigns, for the macro analysis. */
        void names(List<String> out);
    }

    public record NameTarget(String name) implements Target {
        @Override
        public void store(Frame f, Object value, boolean bindOnly) {
            if (bindOnly) {
                f.bind(name, value);
            } else {
                f.assign(name, value);
            }
        }

        @Override
        public void names(List<String> out) {
            out.add(name);
        }
    }

    public record TupleTarget(List<Target> items) implements Target {
        public TupleTarget {
            items = List.copyOf(items);
        }

        @Override
        public void store(Frame f, Object value, boolean bindOnly) {
            Object[] values = unpack(value, items.size());
            for (int i = 0; i < values.length; i++) {
                items.get(i).store(f, values[i], bindOnly);
            }
        }

        @Override
        public void names(List<String> out) {
            for (Target t : items) {
                t.names(out);
            }
        }
    }

    /** {@code ns.attr}, valid only on a {@code namespace()} object. */
    public record NamespaceTarget(String name, String attribute, int line) implements Target {
        @Override
        public void store(Frame f, Object value, boolean bindOnly) {
            Object ns = f.lookup(name);
            if (!(ns instanceof Namespace n)) {
                throw PyErrors.runtime("cannot assign attribute on non-namespace object");
            }
            n.set(attribute, value);
        }

        @Override
        public void names(List<String> out) {
        }
    }

    /** Python's sequence unpacking into exactly {@code n} values. */
    static Object[] unpack(Object value, int n) {
        if (value instanceof Undefined u) {
            u.checkUsable();
        }
        if (value instanceof List<?> l) {
            if (l.size() != n) {
                throw unpackError(l.size(), n);
            }
            return l.toArray();
        }
        Iterator<Object> it;
        try {
            it = PyOps.iterate(value);
        } catch (RuntimeException e) {
            throw PyErrors.type("cannot unpack non-iterable " + dev.sluice.jinja.internal.py.PyTypes.typeName(value)
                    + " object");
        }
        Object[] out = new Object[n];
        int i = 0;
        while (it.hasNext()) {
            Object v = it.next();
            if (i >= n) {
                throw PyErrors.value("too many values to unpack (expected " + n + ")");
            }
            out[i++] = v;
        }
        if (i < n) {
            throw unpackError(i, n);
        }
        return out;
    }

    private static RuntimeException unpackError(int got, int n) {
        if (got > n) {
            return PyErrors.value("too many values to unpack (expected " + n + ")");
        }
        return PyErrors.value("not enough values to unpack (expected " + n + ", got " + got + ")");
    }
}
