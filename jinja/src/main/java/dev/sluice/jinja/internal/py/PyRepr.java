package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python's {@code str()} and {@code repr()} of template values. */
public final class PyRepr {
    private PyRepr() {
    }

    /** Python's {@code str(value)}: what {@code {{ value }}} prints. Null is None. */
    public static String str(Object value) {
        if (value instanceof String s) {
            return s;
        }
        if (value == null) {
            return "None";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (value instanceof Double d) {
            return PyFloat.repr(d);
        }
        if (value instanceof Markup || value instanceof Undefined) {
            return value.toString();
        }
        if (value instanceof JinjaObject o) {
            return o.str();
        }
        if (value instanceof PyStringable p) {
            return p.pyStr();
        }
        if (value instanceof Float f) {
            return PyFloat.repr(f.doubleValue());
        }
        if (value instanceof CharSequence || value instanceof Number) {
            return value.toString();
        }
        if (value instanceof Character c) {
            return c.toString();
        }
        return repr(value);
    }

    /** Python's {@code repr(value)}: how a value prints inside a list, tuple or dict. */
    public static String repr(Object value) {
        StringBuilder sb = new StringBuilder();
        appendRepr(sb, value, null);
        return sb.toString();
    }

    private static void appendRepr(StringBuilder sb, Object value, IdentityHashMap<Object, Boolean> seen) {
        if (value instanceof String s) {
            appendStringRepr(sb, s);
        } else if (value == null) {
            sb.append("None");
        } else if (value instanceof Boolean b) {
            sb.append(b ? "True" : "False");
        } else if (value instanceof Long || value instanceof Integer || value instanceof BigInteger
                || value instanceof Short || value instanceof Byte) {
            sb.append(value);
        } else if (value instanceof Double || value instanceof Float) {
            sb.append(PyFloat.repr(((Number) value).doubleValue()));
        } else if (value instanceof BigDecimal d) {
            sb.append("Decimal('").append(d).append("')");
        } else if (value instanceof Markup m) {
            sb.append("Markup(");
            appendStringRepr(sb, m.toString());
            sb.append(')');
        } else if (value instanceof Undefined) {
            sb.append("Undefined");
        } else if (value instanceof JinjaObject o) {
            sb.append(o.repr());
        } else if (value instanceof PyStringable p) {
            sb.append(p.pyRepr());
        } else if (value instanceof PyTuple t) {
            if (enter(sb, t, seen, "(...)")) {
                seen = mark(seen, t);
                sb.append('(');
                appendItems(sb, t, seen);
                if (t.size() == 1) {
                    sb.append(',');
                }
                sb.append(')');
                seen.remove(t);
            }
        } else if (value instanceof List<?> l) {
            if (enter(sb, l, seen, "[...]")) {
                seen = mark(seen, l);
                sb.append('[');
                appendItems(sb, l, seen);
                sb.append(']');
                seen.remove(l);
            }
        } else if (value instanceof Map<?, ?> m) {
            if (enter(sb, m, seen, "{...}")) {
                seen = mark(seen, m);
                sb.append('{');
                boolean first = true;
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    if (!first) {
                        sb.append(", ");
                    }
                    first = false;
                    appendRepr(sb, e.getKey(), seen);
                    sb.append(": ");
                    appendRepr(sb, e.getValue(), seen);
                }
                sb.append('}');
                seen.remove(m);
            }
        } else if (value instanceof Set<?> s) {
            if (s.isEmpty()) {
                sb.append("set()");
            } else if (enter(sb, s, seen, "{...}")) {
                seen = mark(seen, s);
                sb.append('{');
                appendItems(sb, s, seen);
                sb.append('}');
                seen.remove(s);
            }
        } else if (value instanceof Character c) {
            appendStringRepr(sb, c.toString());
        } else if (value instanceof CharSequence cs) {
            appendStringRepr(sb, cs.toString());
        } else {
            sb.append(value);
        }
    }

    private static boolean enter(StringBuilder sb, Object container, IdentityHashMap<Object, Boolean> seen,
            String recursion) {
        if (seen != null && seen.containsKey(container)) {
            sb.append(recursion);
            return false;
        }
        return true;
    }

    private static IdentityHashMap<Object, Boolean> mark(IdentityHashMap<Object, Boolean> seen, Object container) {
        IdentityHashMap<Object, Boolean> s = seen == null ? new IdentityHashMap<>() : seen;
        s.put(container, Boolean.TRUE);
        return s;
    }

    private static void appendItems(StringBuilder sb, Collection<?> items, IdentityHashMap<Object, Boolean> seen) {
        Iterator<?> it = items.iterator();
        boolean first = true;
        while (it.hasNext()) {
            if (!first) {
                sb.append(", ");
            }
            first = false;
            appendRepr(sb, it.next(), seen);
        }
    }

    /** Appends Python's repr of a string, choosing quotes as Python does. */
    public static void appendStringRepr(StringBuilder sb, String s) {
        char quote = '\'';
        if (s.indexOf('\'') >= 0 && s.indexOf('"') < 0) {
            quote = '"';
        }
        sb.append(quote);
        int n = s.length();
        for (int i = 0; i < n; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == quote || cp == '\\') {
                sb.append('\\').appendCodePoint(cp);
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp < 0x20 || cp == 0x7f) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp < 0x7f) {
                sb.append((char) cp);
            } else if (isPrintable(cp)) {
                sb.appendCodePoint(cp);
            } else if (cp <= 0xff) {
                sb.append(String.format("\\x%02x", cp));
            } else if (cp <= 0xffff) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.append(String.format("\\U%08x", cp));
            }
        }
        sb.append(quote);
    }

    /** Python's {@code str.isprintable()} for one code point. */
    public static boolean isPrintable(int cp) {
        if (cp == ' ') {
            return true;
        }
        int type = Character.getType(cp);
        return switch (type) {
            case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE,
                    Character.UNASSIGNED, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
                    Character.SPACE_SEPARATOR -> false;
            default -> true;
        };
    }

    /** Python's repr of a string. */
    public static String stringRepr(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2);
        appendStringRepr(sb, s);
        return sb.toString();
    }

    /** Jinja2's {@code object_type_repr}: {@code None}, or {@code dict object}, {@code str object}, ... */
    public static String objectTypeRepr(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof PyTyped t && !t.pyModule().equals("builtins")) {
            return t.pyModule() + "." + t.pyTypeName() + " object";
        }
        return PyTypes.typeName(value) + " object";
    }
}
