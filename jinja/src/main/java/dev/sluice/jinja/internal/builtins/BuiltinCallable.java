package dev.sluice.jinja.internal.builtins;

import static java.util.Objects.requireNonNull;

import dev.sluice.jinja.internal.py.PyStringable;
import dev.sluice.jinja.internal.py.PyTyped;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;

/**
 * A builtin global or bound method: callable, and printed as CPython prints the function, class or
 * method behind it ({@code <function safe_range at 0x...>}, {@code <class 'dict'>}).
 */
record BuiltinCallable(String pyTypeName, String text, JinjaCallable body)
        implements JinjaCallable, PyTyped, PyStringable {
    BuiltinCallable {
        requireNonNull(pyTypeName, "pyTypeName is null");
        requireNonNull(text, "text is null");
        requireNonNull(body, "body is null");
    }

    /** A Python function such as {@code safe_range}. */
    static BuiltinCallable function(String name, JinjaCallable body) {
        return new BuiltinCallable("function", "<function " + name + " at " + Address.of(body) + ">", body);
    }

    /** A Python class such as {@code dict} or {@code jinja2.utils.Cycler}. */
    static BuiltinCallable type(String qualifiedName, JinjaCallable body) {
        return new BuiltinCallable("type", "<class '" + qualifiedName + "'>", body);
    }

    /** The bound method {@code owner.name}. */
    static BuiltinCallable method(String className, String name, Object owner, JinjaCallable body) {
        return new BuiltinCallable("method", "<bound method " + className + "." + name + " of " + owner + ">", body);
    }

    @Override
    public Object call(CallContext context, Arguments arguments) {
        return body.call(context, arguments);
    }

    @Override
    public String pyStr() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }
}
