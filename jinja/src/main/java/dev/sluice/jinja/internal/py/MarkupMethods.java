package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The methods of markupsafe 2.1's {@code Markup}: str's methods, where those markupsafe wraps escape
 * their string arguments and return Markup, plus {@code striptags}, {@code unescape} and {@code escape}.
 * The methods markupsafe does not wrap (find, count, casefold, removeprefix, ...) return plain str.
 */
final class MarkupMethods {
    private static final String[] ESCAPING = {"capitalize", "title", "lower", "upper", "replace", "ljust", "rjust",
        "lstrip", "rstrip", "center", "strip", "expandtabs", "swapcase", "zfill"};
    private static final Signature SPLIT = Signature.of("Markup.split").required("self").optional("sep", null)
            .optional("maxsplit", -1L).build();
    private static final Signature RSPLIT = Signature.of("Markup.rsplit").required("self").optional("sep", null)
            .optional("maxsplit", -1L).build();
    private static final Signature SPLITLINES = Signature.of("Markup.splitlines").required("self")
            .optional("keepends", false).build();
    private static final Signature PARTITION = Signature.of("Markup.partition").required("self", "sep").build();
    private static final Signature RPARTITION = Signature.of("Markup.rpartition").required("self", "sep").build();
    private static final Signature JOIN = Signature.of("Markup.join").required("self", "seq").build();
    private static final Signature STRIPTAGS = Signature.of("Markup.striptags").required("self").build();
    private static final Signature UNESCAPE = Signature.of("Markup.unescape").required("self").build();
    private static final Signature ESCAPE = Signature.of("Markup.escape").required("cls", "s").build();

    static final Map<String, PyMethod> TABLE = build();

    private MarkupMethods() {
    }

    private static Map<String, PyMethod> build() {
        Map<String, PyMethod> m = new HashMap<>(StrMethods.TABLE);
        for (String name : ESCAPING) {
            PyMethod base = StrMethods.TABLE.get(name);
            m.put(name, (ctx, self, a) -> new Markup(base.invoke(ctx, self, escapeArguments(a)).toString()));
        }
        m.put("split", (ctx, self, a) -> split(self, SPLIT.bind(a.prepend(self)), false));
        m.put("rsplit", (ctx, self, a) -> split(self, RSPLIT.bind(a.prepend(self)), true));
        m.put("splitlines", (ctx, self, a) -> markups(
                StrSplit.splitlines(self.toString(), Arguments.of(SPLITLINES.bind(a.prepend(self))[1]))));
        m.put("partition", (ctx, self, a) -> partition(self, PARTITION.bind(a.prepend(self))[1], false));
        m.put("rpartition", (ctx, self, a) -> partition(self, RPARTITION.bind(a.prepend(self))[1], true));
        m.put("join", (ctx, self, a) -> join(self, JOIN.bind(a.prepend(self))[1]));
        m.put("format", (ctx, self, a) -> PyFormat.formatMarkup(ctx, (Markup) self, a));
        m.put("format_map", (ctx, self, a) -> PyFormat.formatMapMarkup(ctx, (Markup) self,
                StrMethods.formatMapArgument(a)));
        m.put("striptags", (ctx, self, a) -> {
            STRIPTAGS.bind(a.prepend(self));
            return HtmlText.striptags(self.toString());
        });
        m.put("unescape", (ctx, self, a) -> {
            UNESCAPE.bind(a.prepend(self));
            return HtmlText.unescape(self.toString());
        });
        m.put("escape", (ctx, self, a) -> escape(ESCAPE.bind(a.prepend(self))[1]));
        return Map.copyOf(m);
    }

    /** markupsafe's {@code escape(v)}: Markup stays as it is, anything else is str()-ed and escaped. */
    static Markup escape(Object v) {
        if (v instanceof Markup m) {
            return m;
        }
        return new Markup(Markup.escapeText(PyRepr.str(v)));
    }

    /** markupsafe's {@code _escape_argspec}: escapes the str arguments, positional and keyword. */
    private static Arguments escapeArguments(Arguments a) {
        Object[] positional = new Object[a.size()];
        for (int i = 0; i < positional.length; i++) {
            positional[i] = escapeIfString(a.get(i));
        }
        String[] names = new String[a.keywordCount()];
        Object[] values = new Object[names.length];
        for (int i = 0; i < names.length; i++) {
            names[i] = a.keywordName(i);
            values[i] = escapeIfString(a.keywordValue(i));
        }
        return Arguments.wrap(positional, names, values);
    }

    private static Object escapeIfString(Object v) {
        return PyTypes.isString(v) ? escape(v) : v;
    }

    private static List<Object> split(Object self, Object[] p, boolean fromRight) {
        return markups(StrSplit.split(self.toString(), Arguments.of(p[1], p[2]), fromRight));
    }

    private static List<Object> markups(List<Object> parts) {
        List<Object> out = new ArrayList<>(parts.size());
        for (Object part : parts) {
            out.add(new Markup(part.toString()));
        }
        return out;
    }

    private static PyTuple partition(Object self, Object sep, boolean fromRight) {
        PyTuple t = StrSplit.partition(self.toString(), escape(sep), fromRight);
        return PyTuple.of(new Markup(t.get(0).toString()), new Markup(t.get(1).toString()),
                new Markup(t.get(2).toString()));
    }

    private static Markup join(Object self, Object seq) {
        if (!PyOps.isIterable(seq)) {
            throw PyErrors.type("'" + MethodArgs.tpName(seq) + "' object is not iterable");
        }
        StringBuilder sb = new StringBuilder();
        String sep = self.toString();
        Iterator<Object> it = PyOps.iterate(seq);
        for (boolean first = true; it.hasNext(); first = false) {
            if (!first) {
                sb.append(sep);
            }
            sb.append(escape(it.next()));
        }
        return new Markup(sb.toString());
    }
}
