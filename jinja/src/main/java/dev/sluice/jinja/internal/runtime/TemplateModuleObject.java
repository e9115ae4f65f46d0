package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTyped;
import dev.sluice.jinja.spi.JinjaObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code {% import %}} gives: the template's exported names (macros and top-level
 * variables) as attributes; printing it prints the template's output.
 */
public final class TemplateModuleObject implements JinjaObject, PyTyped {
    private final String name;
    private final Map<String, Object> exports;
    private final String output;
    private final Frame root;

    TemplateModuleObject(String name, Map<String, Object> exports, String output, Frame root) {
        this.name = name;
        this.exports = exports;
        this.output = output;
        this.root = root;
    }

    /** The exported names and values, in definition order. */
    public Map<String, Object> exports() {
        return exports;
    }

    public String output() {
        return output;
    }

    /** The module's top-level frame: a call context for calling its macros from the host. */
    public Frame rootFrame() {
        return root;
    }

    @Override
    public Object attribute(String attr) {
        Object v = exports.get(attr);
        return v != null || exports.containsKey(attr) ? v : ABSENT;
    }

    @Override
    public String pyTypeName() {
        return "TemplateModule";
    }

    @Override
    public String pyModule() {
        return "jinja2.environment";
    }

    @Override
    public String typeName() {
        return "TemplateModule";
    }

    @Override
    public String str() {
        return output;
    }

    @Override
    public String repr() {
        return "<TemplateModule " + (name == null ? "memory" : PyRepr.repr(name)) + ">";
    }

    static Map<String, Object> exportsOf(Context ctx) {
        Map<String, Object> exports = new LinkedHashMap<>();
        for (String n : ctx.exported) {
            exports.put(n, ctx.vars.get(n));
        }
        return exports;
    }
}
