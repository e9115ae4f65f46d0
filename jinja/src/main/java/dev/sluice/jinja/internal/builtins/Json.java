package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyFloat;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.Signature;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code tojson} filter: Jinja2's {@code htmlsafe_json_dumps} over Python's
 * {@code json.dumps(value, sort_keys=True, indent=indent)} (ASCII output, NaN allowed).
 */
final class Json {
    private static final Signature TOJSON = Signature.of("do_tojson").required("eval_ctx", "value")
            .optional("indent", null).build();

    private final String indent;
    private final String itemSeparator;
    private final IdentityHashMap<Object, Boolean> markers = new IdentityHashMap<>();
    private final StringBuilder out = new StringBuilder();

    private Json(String indent) {
        this.indent = indent;
        this.itemSeparator = indent == null ? ", " : ",";
    }

    static Object filter(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(TOJSON, value, args);
        return htmlsafe(dumps(b[1], b[2]));
    }

    /** {@code json.dumps(value, sort_keys=True, indent=indent)}. */
    static String dumps(Object value, Object indent) {
        String ind = null;
        if (indent != null) {
            if (PyTypes.isString(indent)) {
                ind = indent.toString();
            } else if (PyTypes.isIntegral(indent)) {
                ind = " ".repeat((int) Math.max(0, Math.min(Py.index(indent), 10_000)));
            } else {
                throw PyErrors.type("can't multiply sequence by non-int of type '" + Py.typeName(indent) + "'");
            }
        }
        Json j = new Json(ind);
        j.encode(value, 0);
        return j.out.toString();
    }

    static Markup htmlsafe(String json) {
        StringBuilder sb = new StringBuilder(json.length());
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            switch (c) {
                case '<' -> sb.append("\\u003c");
                case '>' -> sb.append("\\u003e");
                case '&' -> sb.append("\\u0026");
                case '\'' -> sb.append("\\u0027");
                default -> sb.append(c);
            }
        }
        return new Markup(sb.toString());
    }

    private void encode(Object v, int level) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof Boolean b) {
            out.append(b ? "true" : "false");
        } else if (PyTypes.isString(v)) {
            string(v.toString());
        } else if (PyTypes.isInt(v)) {
            out.append(v);
        } else if (PyTypes.isFloat(v)) {
            out.append(floatText(PyTypes.asDouble(v)));
        } else if (v instanceof List<?> l && (isTuple(v) || PyTypes.typeName(v).equals("list"))) {
            array(l, level);
        } else if (v instanceof Map<?, ?> m) {
            object(m, level);
        } else {
            throw PyErrors.type("Object of type " + Py.typeName(v) + " is not JSON serializable");
        }
    }

    private static boolean isTuple(Object v) {
        return v instanceof dev.sluice.jinja.spi.PyTuple || v instanceof GroupTuple;
    }

    private static String floatText(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return PyFloat.repr(d);
    }

    private void enter(Object container) {
        if (markers.put(container, Boolean.TRUE) != null) {
            throw PyErrors.value("Circular reference detected");
        }
    }

    private void newline(int level) {
        if (indent != null) {
            out.append('\n').append(indent.repeat(level));
        }
    }

    private void array(List<?> l, int level) {
        if (l.isEmpty()) {
            out.append("[]");
            return;
        }
        enter(l);
        out.append('[');
        newline(level + 1);
        boolean first = true;
        for (Object item : l) {
            if (!first) {
                out.append(itemSeparator);
                newline(level + 1);
            }
            first = false;
            encode(item, level + 1);
        }
        newline(level);
        out.append(']');
        markers.remove(l);
    }

    private void object(Map<?, ?> m, int level) {
        if (m.isEmpty()) {
            out.append("{}");
            return;
        }
        enter(m);
        List<Object> keys = PySort.sorted(new ArrayList<>(m.keySet()), null, false);
        out.append('{');
        newline(level + 1);
        boolean first = true;
        for (Object key : keys) {
            if (!first) {
                out.append(itemSeparator);
                newline(level + 1);
            }
            first = false;
            string(keyText(key));
            out.append(": ");
            encode(m.get(key), level + 1);
        }
        newline(level);
        out.append('}');
        markers.remove(m);
    }

    private static String keyText(Object key) {
        if (PyTypes.isString(key)) {
            return key.toString();
        }
        if (PyTypes.isFloat(key)) {
            return floatText(PyTypes.asDouble(key));
        }
        if (key instanceof Boolean b) {
            return b ? "true" : "false";
        }
        if (key == null) {
            return "null";
        }
        if (PyTypes.isInt(key)) {
            return key.toString();
        }
        throw PyErrors.type("keys must be str, int, float, bool or None, not " + Py.typeName(key));
    }

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
