package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;

/** One method of a builtin type, called with its receiver so no bound-method object is needed. */
@FunctionalInterface
interface PyMethod {
    Object invoke(CallContext ctx, Object self, Arguments args);
}
