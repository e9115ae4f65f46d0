package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;

/** The {@code cycler(...)} global's object: Jinja2's {@code jinja2.utils.Cycler}. */
final class Cycler implements JinjaObject {
    private static final Signature NO_ARGS_NEXT = Signature.of("Cycler.next").required("self").build();
    private static final Signature NO_ARGS_RESET = Signature.of("Cycler.reset").required("self").build();

    private final PyTuple items;
    private int pos;

    Cycler(PyTuple items) {
        if (items.isEmpty()) {
            throw PyErrors.pythonRuntime("at least one item has to be provided");
        }
        this.items = items;
    }

    synchronized Object current() {
        return items.get(pos);
    }

    synchronized Object next() {
        Object rv = items.get(pos);
        pos = (pos + 1) % items.size();
        return rv;
    }

    synchronized void reset() {
        pos = 0;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "items" -> items;
            case "pos" -> (long) pos;
            case "current" -> current();
            case "next" -> BuiltinCallable.method("Cycler", "next", this, (ctx, args) -> {
                NO_ARGS_NEXT.bind(args.prepend(this));
                return next();
            });
            case "reset" -> BuiltinCallable.method("Cycler", "reset", this, (ctx, args) -> {
                NO_ARGS_RESET.bind(args.prepend(this));
                reset();
                return null;
            });
            case "__next__" -> attribute("next");
            default -> ABSENT;
        };
    }

    @Override
    public String typeName() {
        return "Cycler";
    }


    @Override
    public String str() {
        return "<jinja2.utils.Cycler object at " + Address.of(this) + ">";
    }

    @Override
    public String toString() {
        return str();
    }
}
