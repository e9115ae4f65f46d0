package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyFormat;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text filters: capitalize center lower upper title trim replace string wordcount format truncate. */
final class StringFilters {
    private static final Signature CAPITALIZE = Signature.of("do_capitalize").required("s").build();
    private static final Signature CENTER = Signature.of("do_center").required("value").optional("width", 80L).build();
    private static final Signature LOWER = Signature.of("do_lower").required("s").build();
    private static final Signature UPPER = Signature.of("do_upper").required("s").build();
    private static final Signature TITLE = Signature.of("do_title").required("s").build();
    private static final Signature TRIM = Signature.of("do_trim").required("value").optional("chars", null).build();
    private static final Signature REPLACE = Signature.of("do_replace").required("eval_ctx", "s", "old", "new")
            .optional("count", null).build();
    private static final Signature WORDCOUNT = Signature.of("do_wordcount").required("s").build();
    private static final Signature FORMAT = Signature.of("do_format").required("value").varargs().varkw().build();
    private static final Signature TRUNCATE = Signature.of("do_truncate").required("env", "s")
            .optional("length", 255L).optional("killwords", false).optional("end", "...").optional("leeway", null)
            .build();

    private static final Pattern WORD_BEGINNING = Pattern.compile("[-" + Py.SPACE_CLASS + "({\\[<]+");
    private static final Pattern WORD = Pattern.compile("[" + Py.WORD_CLASS + "]+");

    private StringFilters() {
    }

    static void register(Map<String, JinjaFilter> f) {
        f.put("capitalize", (ctx, v, a) -> {
            Object s = Py.softStr(Sig.bind(CAPITALIZE, v, a)[0]);
            return Py.like(s, Py.capitalize(s.toString()));
        });
        f.put("center", (ctx, v, a) -> {
            Object[] b = Sig.bind(CENTER, v, a);
            Object s = Py.softStr(b[0]);
            return Py.like(s, Py.center(s.toString(), Py.index(b[1])));
        });
        f.put("lower", (ctx, v, a) -> {
            Object s = Py.softStr(Sig.bind(LOWER, v, a)[0]);
            return Py.like(s, Py.lower(s.toString()));
        });
        f.put("upper", (ctx, v, a) -> {
            Object s = Py.softStr(Sig.bind(UPPER, v, a)[0]);
            return Py.like(s, Py.upper(s.toString()));
        });
        f.put("title", (ctx, v, a) -> title(Py.softStr(Sig.bind(TITLE, v, a)[0]).toString()));
        f.put("trim", StringFilters::trim);
        f.put("replace", StringFilters::replace);
        f.put("string", (ctx, v, a) -> {
            Sig.exactlyOne("markupsafe._speedups.soft_str", a);
            return Py.softStr(v);
        });
        f.put("wordcount", (ctx, v, a) -> {
            Matcher m = WORD.matcher(Py.softStr(Sig.bind(WORDCOUNT, v, a)[0]).toString());
            long n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        });
        f.put("format", StringFilters::format);
        f.put("truncate", StringFilters::truncate);
    }

    /** Jinja's title: each run after {@code -}, whitespace or an opening bracket starts upper-cased. */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        Matcher m = WORD_BEGINNING.matcher(s);
        int last = 0;
        while (m.find()) {
            titleWord(sb, s.substring(last, m.start()));
            titleWord(sb, m.group());
            last = m.end();
        }
        titleWord(sb, s.substring(last));
        return sb.toString();
    }

    private static void titleWord(StringBuilder sb, String item) {
        if (item.isEmpty()) {
            return;
        }
        int n = Character.charCount(item.codePointAt(0));
        sb.append(Py.upper(item.substring(0, n))).append(Py.lower(item.substring(n)));
    }

    private static Object trim(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(TRIM, value, args);
        Object s = Py.softStr(b[0]);
        Object chars = b[1];
        if (chars != null && !PyTypes.isString(chars)) {
            throw PyErrors.type("strip arg must be None or str");
        }
        String set = chars == null ? null : chars.toString();
        if (s instanceof Markup && chars instanceof String c) {
            set = Markup.escapeText(c);
        }
        return Py.like(s, Py.strip(s.toString(), set));
    }

    private static Object replace(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(REPLACE, value, args);
        Object s = b[1];
        Object old = b[2];
        Object rep = b[3];
        long count = b[4] == null ? -1 : Py.index(b[4]);
        if (!ctx.autoescape()) {
            return Py.replace(Py.str(s), Py.str(old), Py.str(rep), count);
        }
        if (old instanceof Markup || (rep instanceof Markup && !(s instanceof Markup))) {
            s = Html.escape(s);
        } else {
            s = Py.softStr(s);
        }
        if (s instanceof Markup) {
            return new Markup(Py.replace(s.toString(), Html.escape(Py.softStr(old)).toString(),
                    Html.escape(Py.softStr(rep)).toString(), count));
        }
        return Py.replace(s.toString(), Py.softStr(old).toString(), Py.softStr(rep).toString(), count);
    }

    private static Object format(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bind(FORMAT, value, args);
        PyTuple positional = (PyTuple) b[1];
        @SuppressWarnings("unchecked")
        Map<String, Object> keywords = (Map<String, Object>) b[2];
        if (!positional.isEmpty() && !keywords.isEmpty()) {
            throw PyErrors.filterArgument("can't handle positional and keyword arguments at the same time");
        }
        Object operand = keywords.isEmpty() ? positional : keywords;
        return PyFormat.percent(Py.softStr(b[0]), operand);
    }

    private static Object truncate(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(TRUNCATE, value, args);
        Object s = b[1];
        Object length = b[2];
        boolean killwords = PyOps.truthy(b[3]);
        Object end = b[4];
        Object leeway = b[5] == null ? 5L : b[5];
        long endLen = PyOps.len(end);
        if (!PyOps.ge(length, endLen)) {
            throw PyErrors.assertion("expected length >= " + endLen + ", got " + Py.str(length));
        }
        if (!PyOps.ge(leeway, 0L)) {
            throw PyErrors.assertion("expected leeway >= 0, got " + Py.str(leeway));
        }
        if (PyOps.le((long) PyOps.len(s), PyOps.add(length, leeway))) {
            return s;
        }
        Object stop = PyOps.sub(length, endLen);
        if (!PyTypes.isIntegral(stop)) {
            throw PyErrors.type("slice indices must be integers or None or have an __index__ method");
        }
        if (!PyTypes.isString(s)) {
            throw PyErrors.attribute("'" + Py.typeName(s) + "' object has no attribute 'rsplit'");
        }
        String head = Py.slice(s.toString(), 0, Py.index(stop));
        if (!killwords) {
            int space = head.lastIndexOf(' ');
            if (space >= 0) {
                head = head.substring(0, space);
            }
        }
        if (s instanceof Markup) {
            return new Markup(head + Html.escape(end));
        }
        if (!PyTypes.isString(end)) {
            throw PyErrors.type("can only concatenate str (not \"" + Py.typeName(end) + "\") to str");
        }
        return head + end;
    }
}
