package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;

/**
 * markupsafe's {@code _MarkupEscapeHelper}: wraps each argument of {@code Markup % args} so that
 * {@code %s} and {@code %r} escape it, {@code %d} goes through {@code int(obj)} (so '5' works) and
 * {@code %f} through {@code float(obj)}; item lookups wrap their result again.
 */
record EscapeHelper(Object obj) implements PyTyped {
    static final String TYPE_NAME = "_MarkupEscapeHelper";

    /** What {@code Markup.__mod__} passes on to str's %: a tuple of helpers, a helper, or a 1-tuple. */
    static Object wrapArguments(Object args) {
        if (args instanceof PyTuple t) {
            Object[] wrapped = new Object[t.size()];
            for (int i = 0; i < wrapped.length; i++) {
                wrapped[i] = new EscapeHelper(t.get(i));
            }
            return PyTuple.wrap(wrapped);
        }
        if (PercentFormat.isMapping(args)) {
            return new EscapeHelper(args);
        }
        return PyTuple.of(new EscapeHelper(args));
    }

    String str() {
        return MarkupMethods.escape(obj).toString();
    }

    String repr() {
        return Markup.escapeText(PyRepr.repr(obj));
    }

    @Override
    public String pyTypeName() {
        return TYPE_NAME;
    }
}
