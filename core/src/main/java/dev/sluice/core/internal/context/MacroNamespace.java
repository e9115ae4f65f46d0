package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaObject;

/** A package's macros as attributes: {@code dbt.generate_schema_name(...)}, {@code my_project.cents(...)}. */
final class MacroNamespace implements JinjaObject {
    private final String packageName;
    private final NodeContext context;

    MacroNamespace(String packageName, NodeContext context) {
        this.packageName = packageName;
        this.context = context;
    }

    @Override
    public Object attribute(String name) {
        MacroRegistry.Entry e = context.scope().macros().find(packageName, name);
        return e == null ? ABSENT : new MacroCallable(e, context);
    }

    @Override
    public String str() {
        return "<Namespace " + packageName + ">";
    }

    @Override
    public String typeName() {
        return "MacroNamespace";
    }
}
