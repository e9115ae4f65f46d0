package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.Signature;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The {@code urlize} filter: Jinja2's {@code do_urlize} and {@code utils.urlize} with the default policies. */
final class Urlize {
    private static final Signature URLIZE = Signature.of("do_urlize").required("eval_ctx", "value")
            .optional("trim_url_limit", null).optional("nofollow", false).optional("target", null)
            .optional("rel", null).optional("extra_schemes", null).build();

    private static final String W = "[" + Py.WORD_CLASS + "]";
    private static final String WPD = "[" + Py.WORD_CLASS + "%-]";
    private static final Pattern HTTP = Pattern.compile(
            "^((https?://|www\\.)((" + WPD + "+\\.)+)?([a-z]{2,63}|xn--[" + Py.WORD_CLASS + "%]{2,59})"
            + "|(" + WPD + "{2,63}\\.)+(com|net|int|edu|gov|org|info|mil)"
            + "|(https?://)((([\\p{Nd}]{1,3})(\\.[\\p{Nd}]{1,3}){3})|(\\[([\\p{Nd}a-f]{0,4}:){2}([\\p{Nd}a-f]{0,4}:?){1,6}])))"
            + "(?::[\\p{Nd}]{1,5})?(?:[/?#][^" + Py.SPACE_CLASS + "]*)?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern EMAIL = Pattern.compile(
            "^[^" + Py.SPACE_CLASS + "]+@" + W + "[" + Py.WORD_CLASS + ".-]*\\." + W + "+$");
    private static final Pattern SCHEME = Pattern.compile("[" + Py.WORD_CLASS + ".+-]{2,}:(/){0,2}");
    private static final Pattern SPACES = Pattern.compile("[" + Py.SPACE_CLASS + "]+");
    private static final Pattern LEAD = Pattern.compile("^([(<]|&lt;)+");
    private static final Pattern TRAIL = Pattern.compile("([)>.,\\n]|&gt;)+$");
    private static final String[][] BRACKETS = {{"(", ")"}, {"<", ">"}, {"&lt;", "&gt;"}};

    private Urlize() {
    }

    static Object filter(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(URLIZE, value, args);
        TreeSet<String> relParts = new TreeSet<>(PyOps::compareCodePoints);
        Object rel = b[5];
        if (PyOps.truthy(rel)) {
            if (!PyTypes.isString(rel)) {
                throw PyErrors.attribute("'" + Py.typeName(rel) + "' object has no attribute 'split'");
            }
            relParts.addAll(Py.splitWhitespace(rel.toString()));
        }
        if (PyOps.truthy(b[3])) {
            relParts.add("nofollow");
        }
        relParts.add("noopener");
        List<String> schemes = new ArrayList<>();
        if (b[6] != null) {
            Iterator<Object> it = PyOps.iterate(b[6]);
            while (it.hasNext()) {
                Object scheme = it.next();
                if (!PyTypes.isString(scheme)) {
                    throw PyErrors.type("expected string or bytes-like object, got '" + Py.typeName(scheme) + "'");
                }
                if (!SCHEME.matcher(scheme.toString()).matches()) {
                    throw PyErrors.filterArgument(PyRepr.repr(scheme.toString())
                            + " is not a valid URI scheme prefix.");
                }
                schemes.add(scheme.toString());
            }
        }
        String rv = urlize(Html.escape(b[1]).toString(), b[2], String.join(" ", relParts), b[4],
                b[6] == null ? null : schemes);
        return ctx.autoescape() ? new Markup(rv) : rv;
    }

    private static String urlize(String text, Object trimLimit, String rel, Object target, List<String> schemes) {
        String relAttr = rel.isEmpty() ? "" : " rel=\"" + Html.escape(rel) + "\"";
        String targetAttr = PyOps.truthy(target) ? " target=\"" + Html.escape(target) + "\"" : "";
        StringBuilder out = new StringBuilder(text.length() * 2);
        Matcher ws = SPACES.matcher(text);
        int last = 0;
        while (ws.find()) {
            out.append(word(text.substring(last, ws.start()), trimLimit, relAttr, targetAttr, schemes));
            out.append(word(ws.group(), trimLimit, relAttr, targetAttr, schemes));
            last = ws.end();
        }
        out.append(word(text.substring(last), trimLimit, relAttr, targetAttr, schemes));
        return out.toString();
    }

    private static String word(String word, Object trimLimit, String relAttr, String targetAttr,
            List<String> schemes) {
        String head = "";
        String middle = word;
        String tail = "";
        Matcher m = LEAD.matcher(middle);
        if (m.find()) {
            head = m.group();
            middle = middle.substring(m.end());
        }
        if (middle.endsWith(")") || middle.endsWith(">") || middle.endsWith(".") || middle.endsWith(",")
                || middle.endsWith("\n") || middle.endsWith("&gt;")) {
            m = TRAIL.matcher(middle);
            if (m.find()) {
                tail = m.group();
                middle = middle.substring(0, m.start());
            }
        }
        for (String[] pair : BRACKETS) {
            int startCount = count(middle, pair[0]);
            if (startCount <= count(middle, pair[1])) {
                continue;
            }
            int moves = Math.min(startCount, count(tail, pair[1]));
            for (int i = 0; i < moves; i++) {
                int endIndex = tail.indexOf(pair[1]) + pair[1].length();
                middle += tail.substring(0, endIndex);
                tail = tail.substring(endIndex);
            }
        }
        if (HTTP.matcher(middle).find()) {
            String href = middle.startsWith("https://") || middle.startsWith("http://") ? middle : "https://" + middle;
            middle = "<a href=\"" + href + "\"" + relAttr + targetAttr + ">" + trim(middle, trimLimit) + "</a>";
        } else if (middle.startsWith("mailto:") && EMAIL.matcher(middle.substring(7)).find()) {
            middle = "<a href=\"" + middle + "\">" + middle.substring(7) + "</a>";
        } else if (middle.contains("@") && !middle.startsWith("www.") && !middle.contains(":")
                && EMAIL.matcher(middle).find()) {
            middle = "<a href=\"mailto:" + middle + "\">" + middle + "</a>";
        } else if (schemes != null) {
            for (String scheme : schemes) {
                if (!middle.equals(scheme) && middle.startsWith(scheme)) {
                    middle = "<a href=\"" + middle + "\"" + relAttr + targetAttr + ">" + middle + "</a>";
                }
            }
        }
        return head + middle + tail;
    }

    private static String trim(String url, Object limit) {
        if (limit == null) {
            return url;
        }
        if (PyOps.gt((long) Py.len(url), limit)) {
            return Py.slice(url, 0, Py.index(limit)) + "...";
        }
        return url;
    }

    private static int count(String s, String sub) {
        int n = 0;
        for (int i = s.indexOf(sub); i >= 0; i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }
}
