package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.HtmlText;
import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The HTML filters: escape e forceescape safe striptags xmlattr urlencode. */
final class Html {
    private static final Signature FORCEESCAPE = Signature.of("do_forceescape").required("value").build();
    private static final Signature SAFE = Signature.of("do_mark_safe").required("value").build();
    private static final Signature STRIPTAGS = Signature.of("do_striptags").required("value").build();
    private static final Signature XMLATTR = Signature.of("do_xmlattr").required("eval_ctx", "d")
            .optional("autospace", true).build();
    private static final Signature URLENCODE = Signature.of("do_urlencode").required("value").build();

    private static final Pattern COMMENTS = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("<.*?>", Pattern.DOTALL);
    private static final Pattern ATTR_KEY = Pattern.compile("[ \\t\\n\\r\\f\\x0b/>=]");

    private Html() {
    }

    static void register(Map<String, JinjaFilter> f) {
        JinjaFilter escape = (ctx, v, a) -> {
            Sig.exactlyOne("markupsafe._speedups.escape", a);
            return escape(v);
        };
        f.put("escape", escape);
        f.put("e", escape);
        f.put("forceescape", (ctx, v, a) -> {
            Object value = Sig.bind(FORCEESCAPE, v, a)[0];
            return escape(Py.str(value));
        });
        f.put("safe", (ctx, v, a) -> {
            Object value = Sig.bind(SAFE, v, a)[0];
            return value instanceof Markup m ? m : new Markup(Py.str(value));
        });
        f.put("striptags", (ctx, v, a) -> striptags(Py.str(Sig.bind(STRIPTAGS, v, a)[0])));
        f.put("xmlattr", Html::xmlattr);
        f.put("urlencode", (ctx, v, a) -> urlencode(Sig.bind(URLENCODE, v, a)[0]));
    }

    /** markupsafe's {@code escape}: Markup as is, anything else {@code str()}-ed and escaped. */
    static Markup escape(Object v) {
        if (v instanceof Markup m) {
            return m;
        }
        return new Markup(Markup.escapeText(Py.str(v)));
    }

    static String striptags(String s) {
        return HtmlText.striptags(s);
    }

    private static Object xmlattr(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(XMLATTR, value, args);
        Object d = b[1];
        if (!(d instanceof Map<?, ?> map)) {
            if (d instanceof Undefined u) {
                throw u.failure();
            }
            throw PyErrors.attribute("'" + Py.typeName(d) + "' object has no attribute 'items'");
        }
        List<String> items = new ArrayList<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object v = e.getValue();
            if (v == null || v instanceof Undefined) {
                continue;
            }
            Object key = e.getKey();
            if (!PyTypes.isString(key)) {
                throw PyErrors.type("expected string or bytes-like object, got '" + Py.typeName(key) + "'");
            }
            if (ATTR_KEY.matcher(key.toString()).find()) {
                throw PyErrors.value("Invalid character in attribute name: " + dev.sluice.jinja.internal.py.PyRepr
                        .repr(key.toString()));
            }
            items.add(escape(key) + "=\"" + escape(v) + "\"");
        }
        String rv = String.join(" ", items);
        if (PyOps.truthy(b[2]) && !rv.isEmpty()) {
            rv = " " + rv;
        }
        return ctx.autoescape() ? new Markup(rv) : rv;
    }

    static String urlencode(Object value) {
        if (PyTypes.isString(value) || !isIterable(value)) {
            return quote(Py.str(value), false);
        }
        Iterator<Object> items;
        if (value instanceof Map<?, ?> m) {
            List<Object> pairs = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                pairs.add(PyTuple.of(e.getKey(), e.getValue()));
            }
            items = pairs.iterator();
        } else {
            items = PyOps.iterate(value);
        }
        List<String> parts = new ArrayList<>();
        while (items.hasNext()) {
            Object[] kv = Py.unpack2(items.next());
            parts.add(quote(Py.str(kv[0]), true) + "=" + quote(Py.str(kv[1]), true));
        }
        return String.join("&", parts);
    }

    private static boolean isIterable(Object v) {
        return v instanceof Iterable || v instanceof Map || v instanceof Undefined;
    }

    /** Jinja2's {@code url_quote}: UTF-8 percent-encoding; {@code forQuery} also quotes "/" and uses "+" for spaces. */
    static String quote(String s, boolean forQuery) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder(bytes.length);
        for (byte x : bytes) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.'
                    || c == '-' || c == '~' || (c == '/' && !forQuery)) {
                sb.append((char) c);
            } else if (c == ' ' && forQuery) {
                sb.append('+');
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
            }
        }
        return sb.toString();
    }
}
