package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import java.util.Map;

/** A Python class as templates see it: callable to construct, with class attributes ({@code datetime.now}). */
final class PyType implements JinjaObject, JinjaCallable {
    private final String name;
    private final JinjaCallable constructor;
    private final Map<String, Object> members;

    PyType(String name, JinjaCallable constructor, Map<String, Object> members) {
        this.name = name;
        this.constructor = constructor;
        this.members = Map.copyOf(members);
    }

    @Override
    public Object call(CallContext context, Arguments arguments) {
        return constructor.call(context, arguments);
    }

    @Override
    public Object attribute(String attr) {
        return members.getOrDefault(attr, ABSENT);
    }

    @Override
    public String str() {
        return "<class '" + name + "'>";
    }

    @Override
    public String typeName() {
        return "type";
    }
}
