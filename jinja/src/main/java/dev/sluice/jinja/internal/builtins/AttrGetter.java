package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyAccess;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Jinja2's {@code make_attrgetter} and {@code make_multi_attrgetter}: {@code "a.b.0"} paths looked up with getitem. */
final class AttrGetter {
    private AttrGetter() {
    }

    /** Looks {@code attribute} up on each item; {@code dflt} (if not null) replaces undefined results. */
    static Function<Object, Object> of(CallContext ctx, Object attribute, boolean ignoreCase, Object dflt) {
        List<Object> parts = parts(attribute);
        UndefinedPolicy policy = ctx.environment().undefinedPolicy();
        return item -> {
            Object v = item;
            for (Object part : parts) {
                v = getitem(policy, v, part);
                if (dflt != null && v instanceof Undefined) {
                    v = dflt;
                }
            }
            return ignoreCase ? ignoreCase(v) : v;
        };
    }

    /** Comma-separated paths: each item gives the list of their values. */
    static Function<Object, Object> multi(CallContext ctx, Object attribute, boolean ignoreCase) {
        List<List<Object>> all = new ArrayList<>();
        if (attribute instanceof String s) {
            for (String one : s.split(",", -1)) {
                all.add(parts(one));
            }
        } else {
            all.add(parts(attribute));
        }
        UndefinedPolicy policy = ctx.environment().undefinedPolicy();
        return item -> {
            List<Object> out = new ArrayList<>(all.size());
            for (List<Object> parts : all) {
                Object v = item;
                for (Object part : parts) {
                    v = getitem(policy, v, part);
                }
                out.add(ignoreCase ? ignoreCase(v) : v);
            }
            return out;
        };
    }

    /**
     * The environment's getitem. PyAccess.getitem treats every java.util.List as a list, so the
     * named fields of a {@link GroupTuple} are looked up here first.
     */
    static Object getitem(UndefinedPolicy policy, Object obj, Object part) {
        if (obj instanceof GroupTuple g && part instanceof String name) {
            Object v = g.attribute(name);
            if (v != JinjaObject.ABSENT) {
                return v;
            }
        }
        return PyAccess.getitem(policy, obj, part);
    }

    /** Jinja2's {@code ignore_case}: strings lower-cased, anything else as is. */
    static Object ignoreCase(Object v) {
        if (v instanceof String s) {
            return Py.lower(s);
        }
        if (v instanceof Markup m) {
            return new Markup(Py.lower(m.toString()));
        }
        return v;
    }

    private static List<Object> parts(Object attribute) {
        List<Object> parts = new ArrayList<>();
        if (attribute == null) {
            return parts;
        }
        if (attribute instanceof String s) {
            for (String p : s.split("\\.", -1)) {
                parts.add(isDigits(p) ? IntParse.parseDecimal(p) : p);
            }
            return parts;
        }
        parts.add(attribute);
        return parts;
    }

    /** Python's {@code str.isdigit()}. */
    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        return s.codePoints().allMatch(cp -> Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER
                || Character.getNumericValue(cp) >= 0 && Character.getType(cp) == Character.OTHER_NUMBER);
    }
}
