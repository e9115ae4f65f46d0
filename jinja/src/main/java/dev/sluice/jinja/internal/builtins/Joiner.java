package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Signature;

/** The {@code joiner(sep)} global's object: Jinja2's {@code jinja2.utils.Joiner}, "" on the first call, then sep. */
final class Joiner implements JinjaObject, JinjaCallable {
    private static final Signature CALL = Signature.of("Joiner.__call__").required("self").build();

    private final Object sep;
    private boolean used;

    Joiner(Object sep) {
        this.sep = sep;
    }

    @Override
    public synchronized Object call(CallContext context, Arguments arguments) {
        CALL.bind(arguments.prepend(this));
        if (!used) {
            used = true;
            return "";
        }
        return sep;
    }

    @Override
    public synchronized Object attribute(String name) {
        return switch (name) {
            case "sep" -> sep;
            case "used" -> used;
            default -> ABSENT;
        };
    }

    @Override
    public String typeName() {
        return "Joiner";
    }


    @Override
    public String str() {
        return "<jinja2.utils.Joiner object at " + Address.of(this) + ">";
    }

    @Override
    public String toString() {
        return str();
    }
}
