package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyRange;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A Java map key that is equal exactly when Python's hash-based containers consider two values the
 * same: {@code 1 == 1.0 == True}, {@code Markup('a') == 'a'}, tuples by content; lists, dicts and
 * sets are unhashable.
 */
final class HashKey {
    private static final Object NONE = new Object();
    private static final Object UNDEFINED = new Object();

    private HashKey() {
    }

    /** The key standing for {@code v}; raises Python's TypeError for unhashable values. */
    static Object of(Object v) {
        if (v == null) {
            return NONE;
        }
        if (v instanceof String) {
            return v;
        }
        if (v instanceof Markup || v instanceof Character) {
            return v.toString();
        }
        if (PyTypes.isIntegral(v)) {
            return PyTypes.normalizeInt(PyTypes.bigInt(v));
        }
        if (PyTypes.isFloat(v)) {
            double d = PyTypes.asDouble(v);
            if (Double.isFinite(d) && d == Math.rint(d)) {
                return PyTypes.normalizeInt(new BigDecimal(d).toBigInteger());
            }
            return d;
        }
        if (v instanceof BigDecimal d) {
            BigDecimal s = d.stripTrailingZeros();
            return s.scale() <= 0 ? PyTypes.normalizeInt(s.toBigInteger()) : (Object) PyTypes.asDouble(d);
        }
        if (v instanceof PyTuple || v instanceof GroupTuple) {
            List<Object> items = new ArrayList<>();
            for (Object item : (List<?>) v) {
                items.add(of(item));
            }
            return new TupleKey(items);
        }
        if (v instanceof Undefined u) {
            if (u.policy() == UndefinedPolicy.STRICT) {
                throw u.failure();
            }
            return UNDEFINED;
        }
        if (v instanceof PyRange || v instanceof PyIterator) {
            return new Identity(v);
        }
        if (v instanceof List || v instanceof Map || v instanceof Set) {
            throw PyErrors.type("unhashable type: '" + Py.typeName(v) + "'");
        }
        if (v instanceof BigInteger) {
            return v;
        }
        return new Identity(v);
    }

    private record TupleKey(List<Object> items) {
    }

    private record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity i && (i.value == value || i.value.equals(value));
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }
    }
}
