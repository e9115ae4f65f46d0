package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Methods of Python's builtin types (str, list, dict, tuple, ...) callable from templates. */
public final class PyMethods {
    /** Returned by {@link #call} when the value's type has no such method. */
    public static final Object NO_METHOD = new Object() {
        @Override
        public String toString() {
            return "NO_METHOD";
        }
    };

    private PyMethods() {
    }

    /** The bound method {@code name} of {@code self}, or null when its type has no such method. */
    public static JinjaCallable bind(Object self, String name) {
        Map<String, PyMethod> table = table(self);
        PyMethod m = table == null ? null : table.get(name);
        return m == null ? null : new BoundMethod(self, name, m);
    }

    /** Calls {@code self.name(args)}, or returns {@link #NO_METHOD}. */
    public static Object call(CallContext ctx, Object self, String name, Arguments args) {
        Map<String, PyMethod> table = table(self);
        PyMethod m = table == null ? null : table.get(name);
        return m == null ? NO_METHOD : m.invoke(ctx, self, args);
    }

    /**
     * The data attribute {@code name} of a builtin value ({@code (5).real}, {@code range(3).stop}), or
     * {@link #NO_METHOD} when there is none. Separate from {@link #bind} because these are values, not methods.
     */
    public static Object attribute(Object self, String name) {
        if (PyTypes.isIntegral(self)) {
            Object v = self instanceof Boolean b ? (Object) (b ? 1L : 0L) : PyTypes.normalize(self);
            return switch (name) {
                case "real", "numerator" -> v;
                case "imag" -> 0L;
                case "denominator" -> 1L;
                default -> NO_METHOD;
            };
        }
        if (PyTypes.isFloat(self)) {
            return switch (name) {
                case "real" -> PyTypes.asDouble(self);
                case "imag" -> 0.0;
                default -> NO_METHOD;
            };
        }
        if (self instanceof PyRange r) {
            return switch (name) {
                case "start" -> r.start();
                case "stop" -> r.stop();
                case "step" -> r.step();
                default -> NO_METHOD;
            };
        }
        return NO_METHOD;
    }

    /** The method table of {@code self}'s Python type, or null when it has none. */
    private static Map<String, PyMethod> table(Object self) {
        if (self instanceof String) {
            return StrMethods.TABLE;
        }
        if (self instanceof Markup) {
            return MarkupMethods.TABLE;
        }
        if (self instanceof PyTuple) {
            return ListMethods.TUPLE;
        }
        if (self instanceof PyRange) {
            return ListMethods.RANGE;
        }
        if (self instanceof PyBytes) {
            return Codecs.BYTES;
        }
        if (self instanceof PyTyped) {
            return null;
        }
        if (self instanceof List) {
            return ListMethods.LIST;
        }
        if (self instanceof Map) {
            return DictMethods.TABLE;
        }
        if (self instanceof Set) {
            return SetMethods.TABLE;
        }
        if (PyTypes.isIntegral(self)) {
            return NumberMethods.INT;
        }
        if (PyTypes.isFloat(self)) {
            return NumberMethods.FLOAT;
        }
        if (self instanceof Character || self instanceof CharSequence) {
            return StrMethods.TABLE;
        }
        return null;
    }
}
