package dev.sluice.jinja;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.runtime.TemplateModuleObject;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import java.util.Map;
import java.util.Optional;

/**
 * A template instantiated as a module, as {@code {% import %}} does: its macros and top-level
 * variables by name, and the text its top level printed. Usable as a template value (register it
 * as a global and templates call {@code pkg.macro(...)}) and from Java through {@link #call}.
 */
public final class TemplateModule implements JinjaObject {
    private final TemplateModuleObject module;

    TemplateModule(TemplateModuleObject module) {
        this.module = module;
    }

    /** Exported names (macros and top-level variables not starting with an underscore), in order. */
    public Map<String, Object> exports() {
        return module.exports();
    }

    /** The exported value {@code name}. */
    public Optional<Object> get(String name) {
        return module.exports().containsKey(name) ? Optional.ofNullable(module.exports().get(name)) : Optional.empty();
    }

    /** What the template's top level printed. */
    public String output() {
        return module.output();
    }

    /**
     * Calls the exported macro {@code name}: its rendered text, or the value a host function
     * ended it with through {@link dev.sluice.jinja.spi.MacroReturn}.
     */
    public Object call(String name, Arguments arguments) {
        Object m = module.exports().get(name);
        if (!(m instanceof JinjaCallable c)) {
            throw PyErrors.type("Cannot call '" + name + "': the module exports no macro of that name");
        }
        return c.call(module.rootFrame(), arguments);
    }

    @Override
    public Object attribute(String name) {
        return module.attribute(name);
    }

    @Override
    public String str() {
        return module.str();
    }

    @Override
    public String repr() {
        return module.repr();
    }

    @Override
    public String typeName() {
        return "TemplateModule";
    }
}
