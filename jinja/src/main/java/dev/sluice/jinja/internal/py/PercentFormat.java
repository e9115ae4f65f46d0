package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Python's printf-style {@code str % args}, ported from CPython's {@code PyUnicode_Format} so the
 * argument bookkeeping (and so which error is raised when) is the same. A Markup format wraps each
 * argument in markupsafe's escape helper ({@link EscapeHelper}) and gives Markup.
 */
final class PercentFormat {
    private static final int F_LJUST = 1;
    private static final int F_SIGN = 2;
    private static final int F_BLANK = 4;
    private static final int F_ALT = 8;
    private static final int F_ZERO = 16;

    private final String fmt;
    private Object args;
    private int arglen;
    private int argidx;
    private final Object dict;
    private int pos;
    private final StringBuilder out;

    private PercentFormat(String fmt, Object args) {
        this.fmt = fmt;
        this.args = args;
        if (args instanceof PyTuple t) {
            arglen = t.size();
            argidx = 0;
        } else {
            arglen = -1;
            argidx = -2;
        }
        this.dict = isMapping(args) ? args : null;
        this.out = new StringBuilder(fmt.length() + 16);
    }

    static Object format(Object format, Object args) {
        if (format instanceof Markup) {
            return new Markup(new PercentFormat(format.toString(), EscapeHelper.wrapArguments(args)).run());
        }
        return new PercentFormat(format.toString(), args).run();
    }

    /** CPython's {@code PyMapping_Check} minus tuples and strings: what {@code %(name)s} may look names up in. */
    static boolean isMapping(Object v) {
        return v instanceof Map || v instanceof EscapeHelper || v instanceof Undefined
                || (v instanceof List && !(v instanceof PyTuple) && (!(v instanceof PyTyped) || v instanceof PyRange));
    }

    private String run() {
        int n = fmt.length();
        while (pos < n) {
            int next = fmt.indexOf('%', pos);
            if (next < 0) {
                out.append(fmt, pos, n);
                break;
            }
            out.append(fmt, pos, next);
            pos = next + 1;
            formatOne();
        }
        if (argidx < arglen && dict == null) {
            throw PyErrors.type("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private Object nextArg() {
        if (argidx < arglen) {
            int i = argidx++;
            return arglen < 0 ? args : ((PyTuple) args).get(i);
        }
        throw PyErrors.type("not enough arguments for format string");
    }

    /** One conversion; {@code pos} is just after its '%'. */
    private void formatOne() {
        int n = fmt.length();
        if (pos < n && fmt.charAt(pos) == '%') {
            out.append('%');
            pos++;
            return;
        }
        int remaining = fmt.codePointCount(pos, n);
        int ch = 0;
        if (pos < n && fmt.charAt(pos) == '(') {
            if (dict == null) {
                throw PyErrors.type("format requires a mapping");
            }
            pos++;
            remaining--;
            int keyStart = pos;
            int depth = 1;
            while (depth > 0 && --remaining >= 0) {
                int c = fmt.codePointAt(pos);
                pos += Character.charCount(c);
                if (c == ')') {
                    depth--;
                } else if (c == '(') {
                    depth++;
                }
            }
            if (remaining < 0 || depth > 0) {
                throw PyErrors.value("incomplete format key");
            }
            args = getItem(dict, fmt.substring(keyStart, pos - 1));
            arglen = -1;
            argidx = -2;
        }
        int flags = 0;
        while (--remaining >= 0) {
            ch = fmt.codePointAt(pos);
            pos += Character.charCount(ch);
            int flag = switch (ch) {
                case '-' -> F_LJUST;
                case '+' -> F_SIGN;
                case ' ' -> F_BLANK;
                case '#' -> F_ALT;
                case '0' -> F_ZERO;
                default -> 0;
            };
            if (flag == 0) {
                break;
            }
            flags |= flag;
        }
        long width = -1;
        if (ch == '*') {
            width = starArgument();
            if (width < 0) {
                flags |= F_LJUST;
                width = -width;
            }
            if (--remaining >= 0) {
                ch = fmt.codePointAt(pos);
                pos += Character.charCount(ch);
            }
        } else if (ch >= '0' && ch <= '9') {
            width = ch - '0';
            while (--remaining >= 0) {
                ch = fmt.codePointAt(pos);
                pos += Character.charCount(ch);
                if (ch < '0' || ch > '9') {
                    break;
                }
                if (width > (Long.MAX_VALUE - (ch - '0')) / 10) {
                    throw PyErrors.value("width too big");
                }
                width = width * 10 + (ch - '0');
            }
        }
        int prec = -1;
        if (ch == '.') {
            prec = 0;
            if (--remaining >= 0) {
                ch = fmt.codePointAt(pos);
                pos += Character.charCount(ch);
            }
            if (ch == '*') {
                prec = (int) Math.max(0, Math.min(starArgument(), Integer.MAX_VALUE));
                if (--remaining >= 0) {
                    ch = fmt.codePointAt(pos);
                    pos += Character.charCount(ch);
                }
            } else if (ch >= '0' && ch <= '9') {
                prec = ch - '0';
                while (--remaining >= 0) {
                    ch = fmt.codePointAt(pos);
                    pos += Character.charCount(ch);
                    if (ch < '0' || ch > '9') {
                        break;
                    }
                    if (prec > (Integer.MAX_VALUE - (ch - '0')) / 10) {
                        throw PyErrors.value("precision too big");
                    }
                    prec = prec * 10 + (ch - '0');
                }
            }
        }
        if (remaining >= 0 && (ch == 'h' || ch == 'l' || ch == 'L')) {
            if (--remaining >= 0) {
                ch = fmt.codePointAt(pos);
                pos += Character.charCount(ch);
            }
        }
        if (remaining < 0) {
            throw PyErrors.value("incomplete format");
        }
        if (width > NumberLayout.MAX_WIDTH) {
            throw PyErrors.overflow("Cannot format a value " + width + " characters wide: the result is too large");
        }
        Object v = nextArg();
        PercentConversion.Result r = PercentConversion.convert(ch, v, flags, prec,
                StrSearch.cpIndex(fmt, pos - Character.charCount(ch)));
        output(r.text(), ch, r.numeric(), flags, width, prec);
    }

    private long starArgument() {
        Object v = nextArg();
        if (!PyTypes.isIntegral(v)) {
            throw PyErrors.type("* wants int");
        }
        return MethodArgs.index(v);
    }

    private static Object getItem(Object mapping, String key) {
        if (mapping instanceof EscapeHelper h) {
            return new EscapeHelper(getItem(h.obj(), key));
        }
        if (mapping instanceof Map<?, ?> m) {
            Object v = PyOps.mapGet(m, key, JinjaObject.ABSENT);
            if (v == JinjaObject.ABSENT) {
                throw PyErrors.key(key);
            }
            return v;
        }
        if (mapping instanceof Undefined u) {
            throw u.failure();
        }
        throw PyErrors.type(MethodArgs.tpName(mapping) + " indices must be integers or slices, not str");
    }

    /** CPython's {@code unicode_format_arg_output}: sign, "0x" prefix, zero or space padding. */
    private void output(String str, int ch, boolean numeric, int flags, long width, int prec) {
        int len = StrSearch.cpLen(str);
        if ((width == -1 || width <= len) && (prec == -1 || prec >= len) && (flags & (F_SIGN | F_BLANK)) == 0) {
            out.append(str);
            return;
        }
        if ((ch == 's' || ch == 'r' || ch == 'a') && prec >= 0 && len > prec) {
            str = str.substring(0, str.offsetByCodePoints(0, prec));
            len = prec;
        }
        int index = 0;
        char signChar = 0;
        boolean sign = numeric;
        if (sign) {
            char first = str.charAt(0);
            if (first == '-' || first == '+') {
                signChar = first;
                len--;
                index++;
            } else if ((flags & F_SIGN) != 0) {
                signChar = '+';
            } else if ((flags & F_BLANK) != 0) {
                signChar = ' ';
            } else {
                sign = false;
            }
        }
        if (width < len) {
            width = len;
        }
        char fill = numeric && (flags & F_ZERO) != 0 ? '0' : ' ';
        if (sign) {
            if (fill != ' ') {
                out.append(signChar);
            }
            if (width > len) {
                width--;
            }
        }
        boolean prefixed = (flags & F_ALT) != 0 && (ch == 'x' || ch == 'X' || ch == 'o');
        if (prefixed) {
            if (fill != ' ') {
                out.append(str, index, index + 2);
                index += 2;
            }
            width = Math.max(width - 2, 0);
            len -= 2;
        }
        if (width > len && (flags & F_LJUST) == 0) {
            StrPad.appendRepeated(out, fill, width - len);
            width = len;
        }
        if (fill == ' ') {
            if (sign) {
                out.append(signChar);
            }
            if (prefixed) {
                out.append(str, index, index + 2);
                index += 2;
            }
        }
        out.append(str, index, str.length());
        if (width > len) {
            StrPad.appendRepeated(out, ' ', width - len);
        }
    }

    static String ascii(String repr) {
        StringBuilder sb = new StringBuilder(repr.length());
        repr.codePoints().forEach(c -> {
            if (c < 0x80) {
                sb.append((char) c);
            } else if (c <= 0xff) {
                sb.append(String.format(Locale.ROOT, "\\x%02x", c));
            } else if (c <= 0xffff) {
                sb.append(String.format(Locale.ROOT, "\\u%04x", c));
            } else {
                sb.append(String.format(Locale.ROOT, "\\U%08x", c));
            }
        });
        return sb.toString();
    }
}
