package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;

/** A builtin method bound to its receiver, as {@code 'abc'.upper} evaluates to. */
record BoundMethod(Object self, String name, PyMethod method) implements JinjaCallable, PyTyped, PyStringable {

    @Override
    public Object call(CallContext context, Arguments arguments) {
        return method.invoke(context, self, arguments);
    }

    @Override
    public String pyTypeName() {
        return "builtin_function_or_method";
    }

    @Override
    public String pyStr() {
        return "<built-in method " + name + " of " + PyTypes.typeName(self) + " object>";
    }

    @Override
    public String toString() {
        return pyStr();
    }
}
