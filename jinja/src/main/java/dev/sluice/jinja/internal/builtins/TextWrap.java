package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.Signature;
import dev.sluice.jinja.spi.Undefined;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code wordwrap} filter: each line wrapped by Python's {@code textwrap.wrap} with
 * {@code expand_tabs=False, replace_whitespace=False} (the rest of TextWrapper's defaults).
 */
final class TextWrap {
    private static final Signature WORDWRAP = Signature.of("do_wordwrap").required("environment", "s")
            .optional("width", 79L).optional("break_long_words", true).optional("wrapstring", null)
            .optional("break_on_hyphens", true).build();

    private static final String WS = "[\\t\\n\\x0b\\x0c\\r ]";
    private static final String NWS = "[^\\t\\n\\x0b\\x0c\\r ]";
    private static final String LT = "[[" + Py.WORD_CLASS + "]&&[^\\p{Nd}]]";
    private static final String WP = "[" + Py.WORD_CLASS + "!\"'&.,?]";
    private static final String W = "[" + Py.WORD_CLASS + "]";
    private static final Pattern WORDSEP = Pattern.compile(
            WS + "+"
            + "|(?<=" + WP + ")-{2,}(?=" + W + ")"
            + "|" + NWS + "+?(?:-(?:(?<=" + LT + "{2}-)|(?<=" + LT + "-" + LT + "-))(?=" + LT + "-?" + LT + ")"
            + "|(?=" + WS + "|\\z)"
            + "|(?<=" + WP + ")(?=-{2,}" + W + "))");
    private static final Pattern WORDSEP_SIMPLE = Pattern.compile(WS + "+");

    private final Object width;
    private final double widthValue;
    private final boolean breakLongWords;
    private final boolean breakOnHyphens;

    private TextWrap(Object width, boolean breakLongWords, boolean breakOnHyphens) {
        this.width = width;
        this.widthValue = PyTypes.isNumber(width) ? PyTypes.asDouble(width) : Double.NaN;
        this.breakLongWords = breakLongWords;
        this.breakOnHyphens = breakOnHyphens;
    }

    static Object filter(CallContext ctx, Object value, Arguments args) {
        Object[] b = Sig.bindPassed(WORDWRAP, value, args);
        Object s = b[1];
        if (s instanceof Undefined u) {
            throw u.failure();
        }
        if (!PyTypes.isString(s)) {
            throw PyErrors.attribute("'" + Py.typeName(s) + "' object has no attribute 'splitlines'");
        }
        Object wrapstring = b[4] == null ? "\n" : b[4];
        if (!PyTypes.isString(wrapstring)) {
            throw PyErrors.attribute("'" + Py.typeName(wrapstring) + "' object has no attribute 'join'");
        }
        Object width = b[2] instanceof Boolean flag ? (Object) (flag ? 1L : 0L) : b[2];
        TextWrap wrapper = new TextWrap(width, PyOps.truthy(b[3]), PyOps.truthy(b[5]));
        boolean hyphenSplit = Boolean.TRUE.equals(b[5]);
        List<Object> paragraphs = new ArrayList<>();
        for (String line : Py.splitlines(s.toString(), false)) {
            paragraphs.add(join(wrapstring, wrapper.wrap(line, hyphenSplit)));
        }
        return join(wrapstring, paragraphs);
    }

    /** {@code sep.join(parts)}; a Markup separator escapes plain parts and gives Markup. */
    private static Object join(Object sep, List<?> parts) {
        if (sep instanceof Markup) {
            List<String> escaped = new ArrayList<>(parts.size());
            for (Object p : parts) {
                escaped.add(Html.escape(p).toString());
            }
            return new Markup(String.join(sep.toString(), escaped));
        }
        List<String> texts = new ArrayList<>(parts.size());
        for (Object p : parts) {
            texts.add(p.toString());
        }
        return String.join(sep.toString(), texts);
    }

    /** {@code TextWrapper.wrap(text)}; {@code hyphenSplit} is {@code break_on_hyphens is True}. */
    List<String> wrap(String text, boolean hyphenSplit) {
        List<String> chunks = split(text, hyphenSplit ? WORDSEP : WORDSEP_SIMPLE);
        return wrapChunks(chunks);
    }

    private static List<String> split(String text, Pattern p) {
        List<String> chunks = new ArrayList<>();
        Matcher m = p.matcher(text);
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                chunks.add(text.substring(last, m.start()));
            }
            if (!m.group().isEmpty()) {
                chunks.add(m.group());
            }
            last = m.end();
        }
        if (last < text.length()) {
            chunks.add(text.substring(last));
        }
        return chunks;
    }

    private static boolean blank(String s) {
        return Py.strip(s, null).isEmpty();
    }

    private List<String> wrapChunks(List<String> input) {
        if (!PyTypes.isNumber(width)) {
            throw PyErrors.type("'<=' not supported between instances of '" + Py.typeName(width) + "' and 'int'");
        }
        if (widthValue <= 0) {
            throw PyErrors.value("invalid width " + PyRepr.repr(width) + " (must be > 0)");
        }
        List<String> lines = new ArrayList<>();
        List<String> chunks = new ArrayList<>(input);
        java.util.Collections.reverse(chunks);
        while (!chunks.isEmpty()) {
            List<String> curLine = new ArrayList<>();
            int curLen = 0;
            if (blank(last(chunks)) && !lines.isEmpty()) {
                chunks.remove(chunks.size() - 1);
            }
            while (!chunks.isEmpty()) {
                int l = Py.len(last(chunks));
                if (curLen + l <= widthValue) {
                    curLine.add(chunks.remove(chunks.size() - 1));
                    curLen += l;
                } else {
                    break;
                }
            }
            if (!chunks.isEmpty() && Py.len(last(chunks)) > widthValue) {
                handleLongWord(chunks, curLine, curLen);
                curLen = 0;
                for (String c : curLine) {
                    curLen += Py.len(c);
                }
            }
            if (!curLine.isEmpty() && blank(last(curLine))) {
                curLen -= Py.len(last(curLine));
                curLine.remove(curLine.size() - 1);
            }
            if (!curLine.isEmpty()) {
                lines.add(String.join("", curLine));
            }
        }
        return lines;
    }

    private void handleLongWord(List<String> reversedChunks, List<String> curLine, int curLen) {
        if (breakLongWords && widthValue >= 1 && !PyTypes.isIntegral(width)) {
            throw PyErrors.type("slice indices must be integers or None or have an __index__ method");
        }
        int spaceLeft = widthValue < 1 ? 1 : (int) Math.min(Integer.MAX_VALUE, widthValue - curLen);
        if (breakLongWords) {
            int end = spaceLeft;
            String chunk = last(reversedChunks);
            if (breakOnHyphens && Py.len(chunk) > spaceLeft) {
                String head = Py.slice(chunk, 0, spaceLeft);
                int hyphen = head.lastIndexOf('-');
                if (hyphen > 0) {
                    int cpHyphen = head.codePointCount(0, hyphen);
                    boolean other = head.substring(0, hyphen).chars().anyMatch(c -> c != '-');
                    if (other) {
                        end = cpHyphen + 1;
                    }
                }
            }
            curLine.add(Py.slice(chunk, 0, end));
            reversedChunks.set(reversedChunks.size() - 1, Py.slice(chunk, end, Py.len(chunk)));
        } else if (curLine.isEmpty()) {
            curLine.add(reversedChunks.remove(reversedChunks.size() - 1));
        }
    }

    private static String last(List<String> l) {
        return l.get(l.size() - 1);
    }
}
