package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.Undefined;

/** Writing values to output as {@code {{ }}} does: str(), or escaped when autoescaping. */
public final class Out {
    private Out() {
    }

    public static void write(StringBuilder out, Object v, boolean escape) {
        if (v instanceof String s) {
            out.append(escape ? Markup.escapeText(s) : s);
        } else if (v instanceof Markup m) {
            out.append(m.toString());
        } else if (v instanceof Undefined u) {
            u.checkUsable();
        } else {
            String s = PyRepr.str(v);
            out.append(escape ? Markup.escapeText(s) : s);
        }
    }

    /** A rendered buffer as a value: Markup when autoescaping, else a plain string. */
    public static Object result(StringBuilder buffer, boolean markup) {
        String s = buffer.toString();
        return markup ? new Markup(s) : s;
    }
}
