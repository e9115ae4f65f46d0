package dev.sluice.jinja.spi;

import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTypes;

/**
 * Python's view of template values, for hosts that raise Python-like errors or print values as
 * templates do: the same answers the engine itself gives.
 */
public final class Python {
    private Python() {
    }

    /** {@code type(value).__name__}: {@code str}, {@code int}, {@code list}, {@code NoneType}, a host object's own name. */
    public static String typeName(Object value) {
        return PyTypes.typeName(value);
    }

    /** {@code str(value)}: what {@code {{ value }}} prints. */
    public static String str(Object value) {
        return PyRepr.str(value);
    }
}
