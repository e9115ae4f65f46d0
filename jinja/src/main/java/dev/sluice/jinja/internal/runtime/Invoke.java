package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;

/** Calling values from templates. */
public final class Invoke {
    private Invoke() {
    }

    /** Calls {@code callee} with {@code args}: a host function, macro, bound method or loop. */
    public static Object call(Frame f, Object callee, Arguments args) {
        if (callee instanceof JinjaCallable c) {
            return c.call(f, args);
        }
        if (callee instanceof Undefined u) {
            if (u.policy() == UndefinedPolicy.LENIENT) {
                return u;
            }
            throw u.failure();
        }
        throw PyErrors.type("'" + PyTypes.typeName(callee) + "' object is not callable");
    }
}
