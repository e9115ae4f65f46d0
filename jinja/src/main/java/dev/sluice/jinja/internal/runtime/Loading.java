package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.Template;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.tree.TemplateNode;
import dev.sluice.jinja.spi.Undefined;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Resolving the templates named by {@code include}, {@code import}, {@code from} and {@code extends}. */
public final class Loading {
    private Loading() {
    }

    /** The template a name, a Template, or (for include) a list of candidates designates; null if missing and allowed. */
    public static TemplateNode resolve(Frame f, Object spec, boolean allowList, boolean ignoreMissing) {
        if (spec instanceof Template t) {
            return t.tree();
        }
        if (allowList && spec instanceof Collection<?> candidates && !(spec instanceof String)) {
            List<String> names = new ArrayList<>();
            for (Object c : candidates) {
                if (c instanceof Template t) {
                    return t.tree();
                }
                String n = PyRepr.str(c);
                names.add(n);
                if (f.state.env.hasTemplate(n)) {
                    return f.state.env.getTemplate(n).tree();
                }
            }
            if (ignoreMissing) {
                return null;
            }
            if (names.isEmpty()) {
                throw new TemplateRuntimeException(ErrorKind.NONE_FOUND, "Tried to select from an empty list of templates.");
            }
            throw new TemplateRuntimeException(ErrorKind.NONE_FOUND,
                    "none of the templates given were found: " + String.join(", ", names));
        }
        if (spec instanceof Undefined u) {
            u.checkUsable();
            throw u.failure();
        }
        String name = PyRepr.str(spec);
        if (!f.state.env.hasTemplate(name)) {
            if (ignoreMissing) {
                return null;
            }
            throw new TemplateRuntimeException(ErrorKind.NOT_FOUND, name);
        }
        return f.state.env.getTemplate(name).tree();
    }
}
