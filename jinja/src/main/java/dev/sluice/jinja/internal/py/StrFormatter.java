package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.List;
import java.util.Map;

/**
 * {@code str.format} as Jinja2's sandbox runs it: Python's {@code string.Formatter} (not the C
 * implementation, so its error wording), with attribute and item lookups through the sandbox
 * ({@code {0.__class__}} is an unsafe undefined), and for Markup templates markupsafe's escaping
 * formatter. The template grammar is CPython's {@code MarkupIterator}.
 */
final class StrFormatter {
    private final UndefinedPolicy policy;
    private final boolean escape;
    private final List<Object> args;
    private final Object kwargs;
    private long autoIndex;
    private boolean manual;

    StrFormatter(UndefinedPolicy policy, boolean escape, List<Object> args, Object kwargs) {
        this.policy = policy;
        this.escape = escape;
        this.args = args;
        this.kwargs = kwargs;
    }

    String format(String template) {
        return vformat(template, 2);
    }

    private String vformat(String s, int depth) {
        if (depth < 0) {
            throw PyErrors.value("Max string recursion exceeded");
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        int end = s.length();
        int pos = 0;
        while (pos < end) {
            int start = pos;
            char c = 0;
            boolean markup = false;
            while (pos < end) {
                c = s.charAt(pos++);
                if (c == '{' || c == '}') {
                    markup = true;
                    break;
                }
            }
            boolean atEnd = pos >= end;
            int len = pos - start;
            if (c == '}' && markup && (atEnd || s.charAt(pos) != '}')) {
                throw PyErrors.value("Single '}' encountered in format string");
            }
            if (atEnd && c == '{' && markup) {
                throw PyErrors.value("Single '{' encountered in format string");
            }
            if (markup && s.charAt(pos) == c) {
                pos++;
                markup = false;
            } else if (markup) {
                len--;
            }
            out.append(s, start, start + len);
            if (markup) {
                pos = field(s, pos, depth, out);
            }
        }
        return out.toString();
    }

    /** Parses and formats the replacement field starting at {@code pos}; returns the position after it. */
    private int field(String s, int pos, int depth, StringBuilder out) {
        int end = s.length();
        int nameStart = pos;
        char c = 0;
        scan:
        while (pos < end) {
            c = s.charAt(pos++);
            switch (c) {
                case '{':
                    throw PyErrors.value("unexpected '{' in field name");
                case '[':
                    while (pos < end && s.charAt(pos) != ']') {
                        pos++;
                    }
                    break;
                case '}', ':', '!':
                    break scan;
                default:
                    break;
            }
        }
        String name = s.substring(nameStart, Math.max(nameStart, pos - 1));
        int conversion = 0;
        String spec = "";
        if (c == '!' || c == ':') {
            boolean specFollows = true;
            if (c == '!') {
                if (pos >= end) {
                    throw PyErrors.value("end of string while looking for conversion specifier");
                }
                conversion = s.codePointAt(pos);
                pos += Character.charCount(conversion);
                if (pos < end) {
                    c = s.charAt(pos++);
                    if (c == '}') {
                        specFollows = false;
                    } else if (c != ':') {
                        throw PyErrors.value("expected ':' after conversion specifier");
                    }
                }
            }
            if (specFollows) {
                int specStart = pos;
                int count = 1;
                while (true) {
                    if (pos >= end) {
                        throw PyErrors.value("unmatched '{' in format spec");
                    }
                    c = s.charAt(pos++);
                    if (c == '{') {
                        count++;
                    } else if (c == '}' && --count == 0) {
                        break;
                    }
                }
                spec = s.substring(specStart, pos - 1);
            }
        } else if (c != '}') {
            throw PyErrors.value("expected '}' before end of string");
        }
        out.append(render(name, conversion, spec, depth));
        return pos;
    }

    private String render(String name, int conversion, String spec, int depth) {
        if (name.isEmpty()) {
            if (manual) {
                throw switchError();
            }
            name = String.valueOf(autoIndex++);
        } else if (StrCase.all(name, PyUnicode::isDigit)) {
            if (autoIndex != 0 && !manual) {
                throw switchError();
            }
            manual = true;
        }
        Object obj = convert(getField(name), conversion);
        return formatField(obj, vformat(spec, depth - 1));
    }

    private static RuntimeException switchError() {
        return PyErrors.value("cannot switch from manual field specification to automatic field numbering");
    }

    private Object getField(String name) {
        int n = name.length();
        int i = 0;
        while (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') {
            i++;
        }
        String first = name.substring(0, i);
        long index = integer(first);
        Object obj = index >= 0 ? positional(index) : keyword(first);
        while (i < n) {
            char c = name.charAt(i++);
            if (c == '.') {
                int start = i;
                while (i < n && name.charAt(i) != '.' && name.charAt(i) != '[') {
                    i++;
                }
                String attr = name.substring(start, i);
                if (attr.isEmpty()) {
                    throw PyErrors.value("Empty attribute in format string");
                }
                obj = PyAccess.getattr(policy, obj, attr);
            } else if (c == '[') {
                int start = i;
                while (i < n && name.charAt(i) != ']') {
                    i++;
                }
                if (i >= n) {
                    throw PyErrors.value("Missing ']' in format string");
                }
                String key = name.substring(start, i++);
                long keyIndex = integer(key);
                if (key.isEmpty()) {
                    throw PyErrors.value("Empty attribute in format string");
                }
                obj = PyAccess.getitem(policy, obj, keyIndex >= 0 ? (Object) keyIndex : key);
            } else {
                throw PyErrors.value("Only '.' or '[' may follow ']' in format field specifier");
            }
        }
        return obj;
    }

    /** CPython's {@code get_integer}: the value of an all-decimal-digits string, else -1. */
    private static long integer(String s) {
        if (s.isEmpty()) {
            return -1;
        }
        long acc = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (!PyUnicode.isDecimal(c)) {
                return -1;
            }
            int digit = Character.digit(c, 10);
            if (acc > (Long.MAX_VALUE - digit) / 10) {
                throw PyErrors.value("Too many decimal digits in format string");
            }
            acc = acc * 10 + digit;
        }
        return acc;
    }

    private Object positional(long index) {
        if (index >= args.size()) {
            throw PyErrors.index("tuple index out of range");
        }
        return args.get((int) index);
    }

    private Object keyword(String key) {
        if (kwargs instanceof Map<?, ?> m) {
            Object v = PyOps.mapGet(m, key, JinjaObject.ABSENT);
            if (v == JinjaObject.ABSENT) {
                throw PyErrors.key(key);
            }
            return v;
        }
        if (kwargs instanceof JinjaObject o) {
            Object v = o.item(key);
            if (v == JinjaObject.ABSENT) {
                throw PyErrors.key(key);
            }
            return v;
        }
        if (kwargs instanceof Undefined u) {
            throw u.failure();
        }
        if (kwargs instanceof List && !(kwargs instanceof PyTyped) || kwargs instanceof PyTuple
                || kwargs instanceof PyRange) {
            throw PyErrors.type(MethodArgs.tpName(kwargs) + " indices must be integers or slices, not str");
        }
        throw PyErrors.type("'" + MethodArgs.tpName(kwargs) + "' object is not subscriptable");
    }

    private static Object convert(Object obj, int conversion) {
        switch (conversion) {
            case 0:
                return obj;
            case 's':
                if (obj instanceof Undefined u) {
                    u.checkUsable();
                    return "";
                }
                return PyRepr.str(obj);
            case 'r':
                return PyRepr.repr(obj);
            case 'a':
                return PercentFormat.ascii(PyRepr.repr(obj));
            default:
                throw PyErrors.value("Unknown conversion specifier " + new String(Character.toChars(conversion)));
        }
    }

    private String formatField(Object obj, String spec) {
        if (!escape) {
            return FormatValue.format(obj, spec);
        }
        if (obj instanceof Markup m) {
            // Markup's __html_format__: already safe, and it takes no spec
            if (!spec.isEmpty()) {
                throw PyErrors.value("Unsupported format specification for Markup.");
            }
            return m.toString();
        }
        return Markup.escapeText(FormatValue.format(obj, spec));
    }
}
