package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;

/**
 * A macro as a render sees it (dbt's MacroGenerator): calling it instantiates its file with the
 * render's variables (once per render) and calls the macro there; {@code return()} gives the value.
 */
final class MacroCallable implements JinjaCallable, JinjaObject {
    private final MacroRegistry.Entry entry;
    private final NodeContext context;

    MacroCallable(MacroRegistry.Entry entry, NodeContext context) {
        this.entry = entry;
        this.context = context;
    }

    @Override
    public Object call(CallContext cc, Arguments args) {
        context.calledMacro(entry.def().uniqueId());
        return context.module(entry.file()).call(entry.storedName(), args);
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "name" -> entry.def().name();
            case "package_name" -> entry.def().packageName();
            default -> ABSENT;
        };
    }

    @Override
    public String str() {
        return "<MacroGenerator " + entry.def().name() + ">";
    }

    @Override
    public String typeName() {
        return "MacroGenerator";
    }
}
