package dev.sluice.jinja.spi;

import dev.sluice.jinja.Environment;

/**
 * What a host function, filter or test sees of the render that calls it.
 * Valid only during the call; do not keep it.
 */
public interface CallContext {
    Environment environment();

    /** Looks a name up as the calling template would: locals, then template variables, then globals. */
    Object resolve(String name);

    /** Calls anything callable from a template (a macro, {@code caller}, a host function). */
    Object call(Object callable, Arguments arguments);

    /** True when output is autoescaped where the call happens. */
    boolean autoescape();

    /** An undefined value of this environment's policy whose failures report {@code hint}. */
    Undefined undefined(String hint);

    /** The name of the template being rendered where the call happens. */
    String templateName();

    /** The line of the call in {@link #templateName()}. */
    int line();

    /** {@code str(value)} as Python prints it ({@code True}, {@code None}, {@code ['a', 1]}, ...). */
    default String str(Object value) {
        return Python.str(value);
    }
}
