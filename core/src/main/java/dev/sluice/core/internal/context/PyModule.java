package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaObject;
import java.util.Map;

/** A Python module as templates see it: a name and its attributes. */
final class PyModule implements JinjaObject {
    private final String name;
    private final Map<String, Object> members;

    PyModule(String name, Map<String, Object> members) {
        this.name = name;
        this.members = Map.copyOf(members);
    }

    @Override
    public Object attribute(String attr) {
        return members.getOrDefault(attr, ABSENT);
    }

    @Override
    public String str() {
        return "<module '" + name + "'>";
    }

    @Override
    public String typeName() {
        return "module";
    }
}
