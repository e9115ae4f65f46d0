package dev.sluice.core.internal.context;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Signature;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.function.Function;

/** Python's argument conversions and exceptions for the {@code modules} objects. */
final class PyValues {
    /** The default of an optional parameter that tells "not passed" from None. */
    static final Object UNSET = new Object();

    private PyValues() {
    }

    static TemplateRuntimeException typeError(String message) {
        return new TemplateRuntimeException(ErrorKind.TYPE, message);
    }

    static TemplateRuntimeException valueError(String message) {
        return new TemplateRuntimeException(ErrorKind.VALUE, message);
    }

    static TemplateRuntimeException overflow(String message) {
        return new TemplateRuntimeException(ErrorKind.OVERFLOW, message);
    }

    static TemplateRuntimeException indexError(String message) {
        return new TemplateRuntimeException(ErrorKind.INDEX, message);
    }

    static boolean isInt(Object v) {
        return v instanceof Long || v instanceof Integer || v instanceof BigInteger || v instanceof Boolean;
    }

    /** Python's {@code operator.index(v)} as a long: ints and bools only. */
    static long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        if (v instanceof BigInteger b) {
            if (b.bitLength() > 63) {
                throw overflow("Python int too large to convert to C long");
            }
            return b.longValue();
        }
        if (v instanceof Long || v instanceof Integer) {
            return ((Number) v).longValue();
        }
        throw typeError("'" + typeName(v) + "' object cannot be interpreted as an integer");
    }

    /** An int or float argument as an exact decimal. */
    static BigDecimal toDecimal(Object v, String what) {
        if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw valueError("cannot convert float " + (d.isNaN() ? "NaN" : "infinity") + " to integer");
            }
            return new BigDecimal(d);
        }
        if (isInt(v)) {
            return v instanceof BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(toLong(v));
        }
        throw typeError("unsupported type for " + what + " component: " + typeName(v));
    }

    static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw typeError("expected string or bytes-like object, got '" + typeName(v) + "'");
    }

    static String typeName(Object v) {
        return dev.sluice.jinja.spi.Python.typeName(v);
    }

    /** Python's {@code repr()} of a str. */
    static String repr(String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        StringBuilder sb = new StringBuilder().append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c == q) {
                        sb.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append(q).toString();
    }

    /** A method or function whose arguments bind to {@code sig} before {@code body} runs. */
    static JinjaCallable fn(Signature sig, Function<Object[], Object> body) {
        return (cc, args) -> body.apply(sig.bind(args));
    }

    /** An int argument, or {@code fallback} when it was not passed. */
    static long intOr(Object v, long fallback) {
        return v == UNSET ? fallback : toLong(v);
    }

    /** Python's {@code bool(v)} for the values these modules see. */
    static boolean truthy(Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof BigInteger b) {
            return b.signum() != 0;
        }
        if (v instanceof Number n) {
            return n.doubleValue() != 0;
        }
        if (v instanceof CharSequence cs) {
            return cs.length() > 0;
        }
        if (v instanceof java.util.Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return !(v instanceof JinjaObject o) || o.truthy();
    }

    /** The TypeError a C function of CPython raises for a missing argument, checked before binding. */
    static void requirePositional(dev.sluice.jinja.spi.Arguments args, String... names) {
        for (int i = args.size(); i < names.length; i++) {
            if (!args.hasKeyword(names[i])) {
                throw typeError("function missing required argument '" + names[i] + "' (pos " + (i + 1) + ")");
            }
        }
    }

    /** A C function of CPython that takes positional arguments only, named {@code name} in its TypeError. */
    static JinjaCallable positionalOnly(String name, Signature sig, Function<Object[], Object> body) {
        return (cc, args) -> {
            if (args.keywordCount() > 0) {
                throw typeError(name + "() takes no keyword arguments");
            }
            return body.apply(sig.bind(args));
        };
    }
}
