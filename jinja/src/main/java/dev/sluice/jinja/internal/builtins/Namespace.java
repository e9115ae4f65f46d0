package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTyped;
import dev.sluice.jinja.spi.JinjaObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Jinja2's {@code namespace(...)}: the one object templates may assign attributes to ({@code {% set ns.x = 1 %}}). */
public final class Namespace implements JinjaObject, PyTyped {
    private final Map<String, Object> attributes;

    public Namespace(Map<String, Object> initial) {
        this.attributes = new LinkedHashMap<>(initial);
    }

    /** {@code {% set ns.name = value %}}. */
    public synchronized void set(String name, Object value) {
        attributes.put(name, value);
    }

    @Override
    public synchronized Object attribute(String name) {
        Object v = attributes.get(name);
        return v != null || attributes.containsKey(name) ? v : ABSENT;
    }

    @Override
    public Object item(Object key) {
        return key instanceof String s ? attribute(s) : ABSENT;
    }

    @Override
    public String pyTypeName() {
        return "Namespace";
    }

    @Override
    public String pyModule() {
        return "jinja2.utils";
    }

    @Override
    public String typeName() {
        return "Namespace";
    }

    @Override
    public synchronized String str() {
        StringBuilder sb = new StringBuilder("<Namespace ");
        sb.append(PyRepr.repr(attributes));
        return sb.append('>').toString();
    }


    @Override
    public String repr() {
        return str();
    }
}
