package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTyped;
import dev.sluice.jinja.spi.PyTuple;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code pprint} filter: Python's {@code pprint.pformat(value)} (width 80, indent 1, sorted dicts). */
final class PrettyPrinter {
    private static final int WIDTH = 80;
    private static final Pattern STR_PARTS = Pattern.compile("[^" + Py.SPACE_CLASS + "]*[" + Py.SPACE_CLASS + "]*");

    private final StringBuilder out = new StringBuilder();
    private final IdentityHashMap<Object, Boolean> context = new IdentityHashMap<>();

    private PrettyPrinter() {
    }

    static String pformat(Object value) {
        PrettyPrinter p = new PrettyPrinter();
        p.format(value, 0, 0, 0);
        return p.out.toString();
    }

    private enum Kind { DICT, LIST, TUPLE, SET, STR, OTHER }

    private static Kind kind(Object v) {
        if (v instanceof String) {
            return Kind.STR;
        }
        if (v instanceof Map) {
            return Kind.DICT;
        }
        if (v instanceof PyTuple) {
            return Kind.TUPLE;
        }
        if (v instanceof List && !(v instanceof PyTyped)) {
            return Kind.LIST;
        }
        if (v instanceof Set) {
            return Kind.SET;
        }
        return Kind.OTHER;
    }

    private void format(Object object, int indent, int allowance, int level) {
        if (context.containsKey(object)) {
            out.append(recursion(object));
            return;
        }
        String rep = safeRepr(object, new IdentityHashMap<>(context), level);
        int maxWidth = WIDTH - indent - allowance;
        if (Py.len(rep) > maxWidth) {
            Kind k = kind(object);
            if (k != Kind.OTHER) {
                context.put(object, Boolean.TRUE);
                switch (k) {
                    case DICT -> pprintDict((Map<?, ?>) object, indent, allowance, level + 1);
                    case LIST -> {
                        out.append('[');
                        formatItems((List<?>) object, indent, allowance + 1, level + 1);
                        out.append(']');
                    }
                    case TUPLE -> {
                        List<?> t = (List<?>) object;
                        String end = t.size() == 1 ? ",)" : ")";
                        out.append('(');
                        formatItems(t, indent, allowance + end.length(), level + 1);
                        out.append(end);
                    }
                    case SET -> pprintSet((Set<?>) object, indent, allowance, level + 1);
                    default -> pprintStr((String) object, indent, allowance, level + 1);
                }
                context.remove(object);
                return;
            }
        }
        out.append(rep);
    }

    private void pprintDict(Map<?, ?> map, int indent, int allowance, int level) {
        out.append('{');
        if (!map.isEmpty()) {
            List<Object> keys = sortedSafely(new ArrayList<>(map.keySet()));
            indent += 1;
            String delim = ",\n" + " ".repeat(indent);
            for (int i = 0; i < keys.size(); i++) {
                boolean last = i == keys.size() - 1;
                Object key = keys.get(i);
                String rep = safeRepr(key, new IdentityHashMap<>(context), level);
                out.append(rep).append(": ");
                format(map.get(key), indent + Py.len(rep) + 2, last ? allowance + 1 : 1, level);
                if (!last) {
                    out.append(delim);
                }
            }
        }
        out.append('}');
    }

    private void pprintSet(Set<?> set, int indent, int allowance, int level) {
        if (set.isEmpty()) {
            out.append(PyRepr.repr(set));
            return;
        }
        out.append('{');
        formatItems(sortedSafely(new ArrayList<>(set)), indent, allowance + 1, level);
        out.append('}');
    }

    private void formatItems(List<?> items, int indent, int allowance, int level) {
        indent += 1;
        String delimnl = ",\n" + " ".repeat(indent);
        String delim = "";
        int n = items.size();
        for (int i = 0; i < n; i++) {
            boolean last = i == n - 1;
            out.append(delim);
            delim = delimnl;
            format(items.get(i), indent, last ? allowance : 1, level);
        }
    }

    private void pprintStr(String s, int indent, int allowance, int level) {
        if (s.isEmpty()) {
            out.append(PyRepr.repr(s));
            return;
        }
        List<String> chunks = new ArrayList<>();
        List<String> lines = Py.splitlines(s, true);
        if (level == 1) {
            indent += 1;
            allowance += 1;
        }
        int maxWidth1 = WIDTH - indent;
        int maxWidth = maxWidth1;
        String rep = "";
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            rep = PyRepr.repr(line);
            if (i == lines.size() - 1) {
                maxWidth1 -= allowance;
            }
            if (Py.len(rep) <= maxWidth1) {
                chunks.add(rep);
            } else {
                List<String> parts = new ArrayList<>();
                Matcher m = STR_PARTS.matcher(line);
                while (m.find()) {
                    if (!m.group().isEmpty()) {
                        parts.add(m.group());
                    }
                }
                int maxWidth2 = maxWidth;
                String current = "";
                for (int j = 0; j < parts.size(); j++) {
                    String candidate = current + parts.get(j);
                    if (j == parts.size() - 1 && i == lines.size() - 1) {
                        maxWidth2 -= allowance;
                    }
                    if (Py.len(PyRepr.repr(candidate)) > maxWidth2) {
                        if (!current.isEmpty()) {
                            chunks.add(PyRepr.repr(current));
                        }
                        current = parts.get(j);
                    } else {
                        current = candidate;
                    }
                }
                if (!current.isEmpty()) {
                    chunks.add(PyRepr.repr(current));
                }
            }
        }
        if (chunks.size() == 1) {
            out.append(rep);
            return;
        }
        if (level == 1) {
            out.append('(');
        }
        for (int i = 0; i < chunks.size(); i++) {
            if (i > 0) {
                out.append('\n').append(" ".repeat(indent));
            }
            out.append(chunks.get(i));
        }
        if (level == 1) {
            out.append(')');
        }
    }

    /** pprint's {@code _safe_repr}: repr with dict keys sorted, recursion marked. */
    private String safeRepr(Object object, IdentityHashMap<Object, Boolean> ctx, int level) {
        Kind k = kind(object);
        if (k == Kind.DICT) {
            Map<?, ?> m = (Map<?, ?>) object;
            if (m.isEmpty()) {
                return "{}";
            }
            if (ctx.containsKey(object)) {
                return recursion(object);
            }
            ctx.put(object, Boolean.TRUE);
            List<String> parts = new ArrayList<>();
            for (Object key : sortedSafely(new ArrayList<>(m.keySet()))) {
                parts.add(safeRepr(key, ctx, level + 1) + ": " + safeRepr(m.get(key), ctx, level + 1));
            }
            ctx.remove(object);
            return "{" + String.join(", ", parts) + "}";
        }
        if (k == Kind.LIST || k == Kind.TUPLE) {
            List<?> l = (List<?>) object;
            if (l.isEmpty()) {
                return k == Kind.LIST ? "[]" : "()";
            }
            if (ctx.containsKey(object)) {
                return recursion(object);
            }
            ctx.put(object, Boolean.TRUE);
            List<String> parts = new ArrayList<>();
            for (Object item : l) {
                parts.add(safeRepr(item, ctx, level + 1));
            }
            ctx.remove(object);
            String body = String.join(", ", parts);
            if (k == Kind.LIST) {
                return "[" + body + "]";
            }
            return l.size() == 1 ? "(" + body + ",)" : "(" + body + ")";
        }
        return PyRepr.repr(object);
    }

    private static String recursion(Object object) {
        return "<Recursion on " + Py.typeName(object) + " with id=" + System.identityHashCode(object) + ">";
    }

    /** pprint's {@code _safe_key} order: {@code <} when it works, else by type name. */
    private static List<Object> sortedSafely(List<Object> items) {
        return PySort.sorted(items, null, false, (a, b) -> {
            try {
                return PyOps.lt(a, b);
            } catch (TemplateRuntimeException e) {
                if (e.kind() != ErrorKind.TYPE) {
                    throw e;
                }
                return PyOps.compareCodePoints(typeKey(a), typeKey(b)) < 0;
            }
        });
    }

    private static String typeKey(Object v) {
        return "<class '" + Py.typeName(v) + "'>";
    }
}
