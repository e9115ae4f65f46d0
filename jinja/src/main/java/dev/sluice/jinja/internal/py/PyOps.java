package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.JinjaOperand;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/** Python's operators, truth, equality, ordering, len() and iteration over template values. */
public final class PyOps {
    private PyOps() {
    }

    // ---- truth -------------------------------------------------------------------------

    /** Python's {@code bool(value)}. */
    public static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Long l) {
            return l != 0;
        }
        if (v instanceof Undefined u) {
            u.checkUsable();
            return false;
        }
        if (v instanceof Double d) {
            return d != 0.0;
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        if (v instanceof CharSequence cs) {
            return cs.length() > 0;
        }
        if (v instanceof BigDecimal d) {
            return d.signum() != 0;
        }
        if (v instanceof Number n) {
            return PyTypes.isInt(v) ? PyTypes.bigInt(v).signum() != 0 : n.doubleValue() != 0;
        }
        if (v instanceof JinjaObject o) {
            return o.truthy();
        }
        if (v instanceof Sized s) {
            return s.pyLen() != 0;
        }
        return true;
    }

    // ---- arithmetic -----------------------------------------------------------------------

    /** {@code a + b}. */
    public static Object add(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x + y;
            if (((x ^ r) & (y ^ r)) >= 0) {
                return r;
            }
        }
        if (PyNumbers.isNumeric(a) && PyNumbers.isNumeric(b)) {
            return PyNumbers.add(a, b, "+");
        }
        PyNumbers.checkDefined(a, b);
        if (a instanceof JinjaOperand || b instanceof JinjaOperand) {
            Object r = hostBinary("+", a, b);
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (a instanceof Markup m) {
            if (PyTypes.isString(b)) {
                return new Markup(m + escapeToString(b));
            }
        } else if (b instanceof Markup m && PyTypes.isString(a)) {
            return new Markup(escapeToString(a) + m);
        }
        if (PyTypes.isString(a)) {
            if (PyTypes.isString(b)) {
                return a.toString().concat(b.toString());
            }
            throw PyErrors.type("can only concatenate str (not \"" + PyTypes.typeName(b) + "\") to str");
        }
        if (a instanceof PyTuple t) {
            if (b instanceof PyTuple u) {
                List<Object> all = new ArrayList<>(t.size() + u.size());
                all.addAll(t);
                all.addAll(u);
                return PyTuple.copyOf(all);
            }
            throw PyErrors.type("can only concatenate tuple (not \"" + PyTypes.typeName(b) + "\") to tuple");
        }
        if (a instanceof List<?> l && !(a instanceof PyTyped)) {
            if (b instanceof List<?> r && !(b instanceof PyTuple) && !(b instanceof PyTyped)) {
                List<Object> all = new ArrayList<>(l.size() + r.size());
                all.addAll(l);
                all.addAll(r);
                return all;
            }
            throw PyErrors.type("can only concatenate list (not \"" + PyTypes.typeName(b) + "\") to list");
        }
        throw PyErrors.unsupported("+", a, b);
    }

    /** Asks host operands for {@code a op b}: the left one, then the right one reflected. */
    private static Object hostBinary(String op, Object a, Object b) {
        if (a instanceof JinjaOperand x) {
            Object r = x.binary(op, b, false);
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (b instanceof JinjaOperand y && b != a) {
            return y.binary(op, a, true);
        }
        return JinjaOperand.NOT_IMPLEMENTED;
    }

    private static String escapeToString(Object v) {
        return v instanceof Markup m ? m.toString() : Markup.escapeText(v.toString());
    }

    public static Object sub(Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long r = x - y;
            if (((x ^ y) & (x ^ r)) >= 0) {
                return r;
            }
        }
        if (PyNumbers.isNumeric(a) && PyNumbers.isNumeric(b)) {
            return PyNumbers.sub(a, b);
        }
        PyNumbers.checkDefined(a, b);
        if (a instanceof JinjaOperand || b instanceof JinjaOperand) {
            Object r = hostBinary("-", a, b);
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyErrors.unsupported("-", a, b);
    }

    public static Object mul(Object a, Object b) {
        if (PyNumbers.isNumeric(a) && PyNumbers.isNumeric(b)) {
            return PyNumbers.mul(a, b);
        }
        PyNumbers.checkDefined(a, b);
        if (a instanceof JinjaOperand || b instanceof JinjaOperand) {
            Object r = hostBinary("*", a, b);
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (PyTypes.isIntegral(b) && isSequence(a)) {
            return repeat(a, b);
        }
        if (PyTypes.isIntegral(a) && isSequence(b)) {
            return repeat(b, a);
        }
        if (isSequence(a) || isSequence(b)) {
            Object other = isSequence(a) ? b : a;
            throw PyErrors.type("can't multiply sequence by non-int of type '" + PyTypes.typeName(other) + "'");
        }
        throw PyErrors.unsupported("*", a, b);
    }

    private static boolean isSequence(Object v) {
        return PyTypes.isString(v) || (v instanceof List && !(v instanceof PyTyped));
    }

    private static Object repeat(Object seq, Object times) {
        long n = PyTypes.asLong(times);
        if (n < 0) {
            n = 0;
        }
        if (PyTypes.isString(seq)) {
            String s = seq.toString();
            if ((long) s.length() * n > 100_000_000L) {
                throw PyErrors.overflow("Cannot repeat a string " + n + " times: the result is too large");
            }
            String r = s.repeat((int) n);
            return seq instanceof Markup ? new Markup(r) : r;
        }
        List<?> l = (List<?>) seq;
        if ((long) l.size() * n > 10_000_000L) {
            throw PyErrors.overflow("Cannot repeat a list " + n + " times: the result is too large");
        }
        List<Object> out = new ArrayList<>((int) (l.size() * n));
        for (long i = 0; i < n; i++) {
            out.addAll(l);
        }
        return seq instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }

    public static Object truediv(Object a, Object b) {
        if (PyNumbers.isNumeric(a) && PyNumbers.isNumeric(b)) {
            return PyNumbers.truediv(a, b);
        }
        PyNumbers.checkDefined(a, b);
        if (a instanceof JinjaOperand || b instanceof JinjaOperand) {
            Object r = hostBinary("/", a, b);
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyErrors.unsupported("/", a, b);
    }

    public static Object floordiv(Object a, Object b) {
        if (PyNumbers.isNumeric(a) && PyNumbers.isNumeric(b)) {
            return PyNumbers.floordiv(a, b);
        }
        PyNumbers.checkDefined(a, b);
        if (a instanceof JinjaOperand || b instanceof JinjaOperand) {
            Object r = hostBinary("//", a, b);
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyErrors.unsupported("//", a, b);
    }

    /** {@code a % b}: numeric modulo, or printf-style formatting when {@code a} is a string. */
    public static Object mod(Object a, Object b) {
        if (PyNumbers.isNumeric(a) && PyNumbers.isNumeric(b)) {
            return PyNumbers.mod(a, b);
        }
        if (a instanceof Undefined u) {
            throw u.failure();
        }
        if (a instanceof JinjaOperand || b instanceof JinjaOperand) {
            PyNumbers.checkDefined(a, b);
            Object r = hostBinary("%", a, b);
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        if (PyTypes.isString(a)) {
            return PyFormat.percent(a, b);
        }
        PyNumbers.checkDefined(a, b);
        throw PyErrors.unsupported("%", a, b);
    }

    public static Object pow(Object a, Object b) {
        if (PyNumbers.isNumeric(a) && PyNumbers.isNumeric(b)) {
            return PyNumbers.pow(a, b);
        }
        PyNumbers.checkDefined(a, b);
        if (a instanceof JinjaOperand || b instanceof JinjaOperand) {
            Object r = hostBinary("**", a, b);
            if (r != JinjaOperand.NOT_IMPLEMENTED) {
                return r;
            }
        }
        throw PyErrors.unsupported("** or pow()", a, b);
    }

    // ---- equality and ordering --------------------------------------------------------------

    /** Python's {@code a == b}. */
    public static boolean eq(Object a, Object b) {
        if (a == b) {
            if (a instanceof Double d) {
                return !d.isNaN();
            }
            if (a instanceof Undefined u) {
                u.checkUsable();
            }
            return true;
        }
        if (a == null || b == null) {
            if (a instanceof Undefined u) {
                u.checkUsable();
            }
            if (b instanceof Undefined u) {
                u.checkUsable();
            }
            return false;
        }
        if (a instanceof String s && b instanceof String t) {
            return s.equals(t);
        }
        if (PyNumbers.isNumeric(a)) {
            if (PyNumbers.isNumeric(b)) {
                return PyNumbers.compare(a, b) == 0;
            }
        } else if (PyTypes.isString(a)) {
            if (PyTypes.isString(b)) {
                return a.toString().equals(b.toString());
            }
        } else if (a instanceof Undefined u) {
            u.checkUsable();
            if (b instanceof Undefined v) {
                v.checkUsable();
                return true;
            }
            return false;
        } else if (isTuple(a)) {
            return isTuple(b) && sequenceEquals((List<?>) a, (List<?>) b);
        } else if (a instanceof PyRange r) {
            return b instanceof PyRange q && sequenceEquals(r, q);
        } else if (a instanceof List<?> l && !(a instanceof PyTyped)) {
            return b instanceof List<?> m && !isTuple(b) && !(b instanceof PyTyped) && sequenceEquals(l, m);
        } else if (a instanceof Map<?, ?> m) {
            return b instanceof Map<?, ?> n && mapEquals(m, n);
        } else if (a instanceof Set<?> s) {
            return b instanceof Set<?> t && s.size() == t.size() && setContainsAll(s, t);
        }
        if (b instanceof Undefined u) {
            u.checkUsable();
            return false;
        }
        return a.equals(b);
    }

    private static boolean sequenceEquals(List<?> a, List<?> b) {
        int n = a.size();
        if (n != b.size()) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            Object x = a.get(i);
            Object y = b.get(i);
            if (x != y && !eq(x, y)) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapEquals(Map<?, ?> a, Map<?, ?> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (Map.Entry<?, ?> e : a.entrySet()) {
            Object key = findKey(b, e.getKey());
            if (key == NO_KEY) {
                return false;
            }
            Object other = b.get(key);
            if (other != e.getValue() && !eq(e.getValue(), other)) {
                return false;
            }
        }
        return true;
    }

    private static boolean setContainsAll(Set<?> s, Set<?> t) {
        for (Object x : t) {
            if (!containsEq(s, x)) {
                return false;
            }
        }
        return true;
    }

    private static final Object NO_KEY = new Object();

    /** The key of {@code map} equal to {@code key} in Python's sense (1 == 1.0 == True), or NO_KEY. */
    private static Object findKey(Map<?, ?> map, Object key) {
        if (map.containsKey(key)) {
            return key;
        }
        if (key instanceof Number || key instanceof Boolean || key instanceof Markup) {
            for (Object k : map.keySet()) {
                if (eq(k, key)) {
                    return k;
                }
            }
        }
        return NO_KEY;
    }

    /** {@code map[key]} with Python key equality; {@code fallback} when absent. */
    public static Object mapGet(Map<?, ?> map, Object key, Object fallback) {
        Object v = map.get(key);
        if (v != null || map.containsKey(key)) {
            return v;
        }
        Object k = findKey(map, key);
        return k == NO_KEY ? fallback : map.get(k);
    }

    /** True when {@code map} has a key equal to {@code key}. */
    public static boolean mapContains(Map<?, ?> map, Object key) {
        return findKey(map, key) != NO_KEY;
    }

    private static boolean containsEq(Collection<?> c, Object x) {
        for (Object y : c) {
            if (y == x || eq(y, x)) {
                return true;
            }
        }
        return false;
    }

    /** Orders two values as Python's {@code <} does: -1, 0, 1, or 2 when unordered (NaN); raises TypeError. */
    public static int compare(Object a, Object b, String op) {
        if (PyNumbers.isNumeric(a) && PyNumbers.isNumeric(b)) {
            return PyNumbers.compare(a, b);
        }
        PyNumbers.checkDefined(a, b);
        if (PyTypes.isString(a) && PyTypes.isString(b)) {
            return Integer.signum(compareCodePoints(a.toString(), b.toString()));
        }
        if ((isTuple(a) && isTuple(b))
                || (a instanceof List && b instanceof List && !isTuple(a) && !isTuple(b)
                        && !(a instanceof PyTyped) && !(b instanceof PyTyped))) {
            List<?> l = (List<?>) a;
            List<?> m = (List<?>) b;
            int n = Math.min(l.size(), m.size());
            for (int i = 0; i < n; i++) {
                Object x = l.get(i);
                Object y = m.get(i);
                if (x != y && !eq(x, y)) {
                    return compare(x, y, op);
                }
            }
            return Integer.compare(l.size(), m.size());
        }
        if (a instanceof JinjaOperand x) {
            Integer c = x.compareTo(b);
            if (c != null) {
                return Integer.signum(c);
            }
        }
        if (b instanceof JinjaOperand y) {
            Integer c = y.compareTo(a);
            if (c != null) {
                return -Integer.signum(c);
            }
        }
        throw PyErrors.type("'" + op + "' not supported between instances of '" + PyTypes.typeName(a) + "' and '"
                + PyTypes.typeName(b) + "'");
    }

    /** Compares strings by code point, as Python does (Java's compareTo compares UTF-16 units). */
    public static int compareCodePoints(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                if (Character.isSurrogate(x) != Character.isSurrogate(y) && (x >= 0xD800 && y >= 0xD800)) {
                    return Character.isSurrogate(x) ? 1 : -1;
                }
                return x - y;
            }
        }
        return a.length() - b.length();
    }

    public static boolean lt(Object a, Object b) {
        return compare(a, b, "<") == -1;
    }

    public static boolean le(Object a, Object b) {
        int c = compare(a, b, "<=");
        return c == -1 || c == 0;
    }

    public static boolean gt(Object a, Object b) {
        return compare(a, b, ">") == 1;
    }

    public static boolean ge(Object a, Object b) {
        int c = compare(a, b, ">=");
        return c == 1 || c == 0;
    }

    // ---- containers ------------------------------------------------------------------------

    /** True for tuples and tuple subclasses (named tuples). */
    public static boolean isTuple(Object v) {
        return v instanceof PyTuple || v instanceof TupleLike;
    }

    /** Python's {@code item in container}. */
    public static boolean contains(Object container, Object item) {
        if (PyTypes.isString(container)) {
            if (!PyTypes.isString(item)) {
                if (item instanceof Undefined u) {
                    throw u.failure();
                }
                throw PyErrors.type("'in <string>' requires string as left operand, not " + PyTypes.typeName(item));
            }
            return container.toString().contains(item.toString());
        }
        if (container instanceof Map<?, ?> m) {
            return mapContains(m, item);
        }
        if (container instanceof PyRange r) {
            return r.containsValue(item);
        }
        if (container instanceof Collection<?> c) {
            return containsEq(c, item);
        }
        if (container instanceof Undefined u) {
            u.checkUsable();
            return false;
        }
        if (container instanceof Iterable<?> it) {
            for (Object x : it) {
                if (x == item || eq(x, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof JinjaObject o) {
            Object v = o.item(item);
            return v != JinjaObject.ABSENT;
        }
        throw PyErrors.type("argument of type '" + PyTypes.typeName(container) + "' is not iterable");
    }

    /** Python's {@code len(value)}. */
    public static int len(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof CharSequence cs) {
            String s = cs.toString();
            return s.codePointCount(0, s.length());
        }
        if (v instanceof Sized s) {
            return s.pyLen();
        }
        if (v instanceof Undefined u) {
            u.checkUsable();
            return 0;
        }
        throw PyErrors.type("object of type '" + PyTypes.typeName(v) + "' has no len()");
    }

    /** True when {@code len(value)} works. */
    public static boolean hasLen(Object v) {
        return PyTypes.isString(v) || v instanceof Collection || v instanceof Map || v instanceof Sized
                || v instanceof Undefined;
    }

    /** True when {@code iter(value)} works. */
    public static boolean isIterable(Object v) {
        return PyTypes.isString(v) || v instanceof Iterable || v instanceof Map || v instanceof Undefined;
    }

    /** Python's {@code iter(value)}: strings by character, dicts by key. */
    public static Iterator<Object> iterate(Object v) {
        if (v instanceof Collection<?> c) {
            @SuppressWarnings("unchecked")
            Iterator<Object> it = (Iterator<Object>) c.iterator();
            return it;
        }
        if (v instanceof Map<?, ?> m) {
            @SuppressWarnings("unchecked")
            Iterator<Object> it = (Iterator<Object>) m.keySet().iterator();
            return it;
        }
        if (PyTypes.isString(v)) {
            return characters(v.toString());
        }
        if (v instanceof Iterable<?> it) {
            @SuppressWarnings("unchecked")
            Iterator<Object> i = (Iterator<Object>) it.iterator();
            return i;
        }
        if (v instanceof Undefined u) {
            u.checkUsable();
            return Collections.emptyIterator();
        }
        throw PyErrors.type("'" + PyTypes.typeName(v) + "' object is not iterable");
    }

    /** The items of an iterable as a new list. */
    public static List<Object> toList(Object v) {
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        List<Object> out = new ArrayList<>();
        Iterator<Object> it = iterate(v);
        while (it.hasNext()) {
            out.add(it.next());
        }
        return out;
    }

    /** The characters (code points) of a string, each as a string. */
    public static Iterator<Object> characters(String s) {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < s.length();
            }

            @Override
            public Object next() {
                if (i >= s.length()) {
                    throw new NoSuchElementException();
                }
                int cp = s.codePointAt(i);
                int n = Character.charCount(cp);
                String c = s.substring(i, i + n);
                i += n;
                return c;
            }
        };
    }

    /** Undefined of {@code policy} reported as a missing attribute or item. */
    public static Undefined missing(UndefinedPolicy policy, Object owner, Object name) {
        return Undefined.member(policy, owner, name);
    }
}
