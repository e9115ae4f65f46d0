package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.List;
import java.util.Map;

/**
 * Attribute and item access as Jinja2's sandboxed environment does it: {@code obj.name} tries the
 * attribute and falls back to the item, {@code obj[key]} the other way round; private and dunder
 * attributes are unsafe; a miss gives an {@link Undefined} that says what was missing.
 */
public final class PyAccess {
    private PyAccess() {
    }

    /** {@code obj.name}. */
    public static Object getattr(UndefinedPolicy policy, Object obj, String name) {
        if (obj instanceof Map<?, ?> m) {
            if (name.startsWith("__")) {
                return unsafe(policy, obj, name);
            }
            JinjaCallable method = PyMethods.bind(obj, name);
            if (method != null) {
                return method;
            }
            Object v = PyOps.mapGet(m, name, JinjaObject.ABSENT);
            return v == JinjaObject.ABSENT ? Undefined.member(policy, obj, name) : v;
        }
        if (obj instanceof JinjaObject o) {
            if (name.startsWith("_")) {
                if (o.attribute(name) != JinjaObject.ABSENT) {
                    return unsafe(policy, obj, name);
                }
            } else {
                Object v = o.attribute(name);
                if (v != JinjaObject.ABSENT) {
                    return v;
                }
            }
            Object v = o.item(name);
            return v == JinjaObject.ABSENT ? Undefined.member(policy, obj, name) : v;
        }
        if (obj instanceof Undefined u) {
            if (policy.chains() || u.policy().chains()) {
                return u;
            }
            throw u.failure();
        }
        if (name.startsWith("__") && name.endsWith("__")) {
            return unsafe(policy, obj, name);
        }
        JinjaCallable method = PyMethods.bind(obj, name);
        if (method != null) {
            return method;
        }
        Object attr = PyMethods.attribute(obj, name);
        if (attr != PyMethods.NO_METHOD) {
            return attr;
        }
        return Undefined.member(policy, obj, name);
    }

    /** {@code obj[key]}, including slices. */
    public static Object getitem(UndefinedPolicy policy, Object obj, Object key) {
        if (obj instanceof Map<?, ?> m) {
            Object v = PyOps.mapGet(m, key, JinjaObject.ABSENT);
            if (v != JinjaObject.ABSENT) {
                return v;
            }
        } else if (obj instanceof JinjaObject o) {
            Object v = o.item(key);
            if (v != JinjaObject.ABSENT) {
                return v;
            }
            if (key instanceof String name && !name.startsWith("_")) {
                v = o.attribute(name);
                if (v != JinjaObject.ABSENT) {
                    return v;
                }
            }
            if (!(obj instanceof List)) {
                return Undefined.member(policy, obj, key);
            }
        }
        if (obj instanceof List<?> l) {
            if (PyTypes.isIntegral(key)) {
                long i = PyTypes.fitsLong(key) ? PyTypes.asLong(key) : Long.MAX_VALUE;
                int n = l.size();
                if (i < 0) {
                    i += n;
                }
                if (i >= 0 && i < n) {
                    return l.get((int) i);
                }
                return Undefined.member(policy, obj, key);
            }
            if (key instanceof PySlice s) {
                return s.apply(obj);
            }
        } else if (PyTypes.isString(obj)) {
            if (PyTypes.isIntegral(key)) {
                return charAt(policy, obj, key);
            }
            if (key instanceof PySlice s) {
                return s.apply(obj);
            }
        } else if (obj instanceof Undefined u) {
            if (policy.chains() || u.policy().chains()) {
                return u;
            }
            throw u.failure();
        }
        if (key instanceof String name) {
            if (name.startsWith("__") && name.endsWith("__")) {
                return unsafe(policy, obj, name);
            }
            JinjaCallable method = PyMethods.bind(obj, name);
            if (method != null) {
                return method;
            }
            Object attr = PyMethods.attribute(obj, name);
            if (attr != PyMethods.NO_METHOD) {
                return attr;
            }
        }
        return Undefined.member(policy, obj, key);
    }

    private static Object charAt(UndefinedPolicy policy, Object obj, Object key) {
        String s = obj.toString();
        int n = s.codePointCount(0, s.length());
        long i = PyTypes.fitsLong(key) ? PyTypes.asLong(key) : Long.MAX_VALUE;
        if (i < 0) {
            i += n;
        }
        if (i < 0 || i >= n) {
            return Undefined.member(policy, obj, key);
        }
        int start = s.offsetByCodePoints(0, (int) i);
        String c = s.substring(start, s.offsetByCodePoints(start, 1));
        return obj instanceof dev.sluice.jinja.spi.Markup ? new dev.sluice.jinja.spi.Markup(c) : c;
    }

    /** Jinja2's {@code unsafe_undefined}: printing it is harmless, using it raises SecurityError. */
    private static Undefined unsafe(UndefinedPolicy policy, Object obj, String name) {
        return Undefined.hint(policy, "access to attribute " + PyRepr.stringRepr(name) + " of "
                + PyRepr.stringRepr(PyTypes.typeName(obj)) + " object is unsafe.", ErrorKind.SECURITY);
    }
}
