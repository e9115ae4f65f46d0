package dev.sluice.core.internal.context;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Signature;

/**
 * The part of dbt's {@code adapter} object templates use without a connection: {@code type()},
 * {@code quote(...)} and {@code dispatch(name, macro_namespace)}, which finds
 * {@code <adapter>__name}, then {@code default__name}, in the project before the namespace.
 */
final class AdapterObject implements JinjaObject {
    private static final Signature DISPATCH = Signature.of("dispatch").required("macro_name")
            .optional("macro_namespace", null).build();

    private final NodeContext context;

    AdapterObject(NodeContext context) {
        this.context = context;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "type" -> (JinjaCallable) (cc, args) -> context.scope().target().type();
            case "quote" -> (JinjaCallable) (cc, args) -> context.scope().dialect().quote(String.valueOf(args.get(0)));
            case "dispatch" -> (JinjaCallable) this::dispatch;
            default -> ABSENT;
        };
    }

    private Object dispatch(CallContext cc, Arguments args) {
        Object[] a = DISPATCH.bind(args);
        String macro = String.valueOf(a[0]);
        String namespace = a[1] == null ? null : String.valueOf(a[1]);
        MacroRegistry registry = context.scope().macros();
        String adapter = context.scope().target().type();
        String project = context.scope().projectName();
        for (String prefix : new String[] {adapter + "__", "default__"}) {
            MacroRegistry.Entry e = registry.find(project, prefix + macro);
            if (e == null && namespace != null) {
                e = registry.find(namespace, prefix + macro);
            }
            if (e == null && namespace == null) {
                e = registry.find(prefix + macro);
            }
            if (e != null) {
                return new MacroCallable(e, context);
            }
        }
        throw SluiceException.user("macro.dispatch", new Location(cc.templateName(), cc.line(), 0),
                "Cannot dispatch macro '" + macro + "'" + (namespace == null ? "" : " in namespace '" + namespace + "'")
                        + ": no " + adapter + "__" + macro + " or default__" + macro + " macro exists");
    }

    @Override
    public String str() {
        return "<Adapter " + context.scope().target().type() + ">";
    }

    @Override
    public String typeName() {
        return "PostgresAdapter";
    }
}
