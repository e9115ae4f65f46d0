package dev.sluice.jinja.internal.py;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** markupsafe's {@code Markup.striptags()} and Python's {@code html.unescape()}. */
public final class HtmlText {
    /** Python's html.entities.html5 table. */
    private static final String ENTITIES_RESOURCE = "/dev/sluice/jinja/internal/py/html5-entities.txt";
    private static final Pattern COMMENTS = Pattern.compile("<!--.*?-->", Pattern.DOTALL);
    private static final Pattern TAGS = Pattern.compile("<.*?>", Pattern.DOTALL);
    private static final Pattern CHARREF = Pattern.compile(
            "&(#[0-9]+;?|#[xX][0-9a-fA-F]+;?|[^\\t\\n\\f <&#;]{1,32};?)");
    /** html._invalid_charrefs: the Windows-1252 meanings of C1 control references. */
    private static final String C1 = "\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152"
            + "\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153"
            + "\u009d\u017e\u0178";

    private HtmlText() {
    }

    /** markupsafe's {@code Markup.striptags}: no comments, no tags, whitespace runs as one space, then unescaped. */
    public static String striptags(String s) {
        String v = COMMENTS.matcher(s).replaceAll("");
        v = TAGS.matcher(v).replaceAll("");
        return unescape(String.join(" ", StrSplit.splitWhitespace(v, Long.MAX_VALUE).toArray(new String[0])));
    }

    /** Python's {@code html.unescape}. */
    public static String unescape(String s) {
        if (s.indexOf('&') < 0) {
            return s;
        }
        Matcher m = CHARREF.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            sb.append(s, last, m.start()).append(replace(m.group(1)));
            last = m.end();
        }
        return sb.append(s, last, s.length()).toString();
    }

    private static String replace(String ref) {
        if (ref.charAt(0) == '#') {
            boolean hex = ref.charAt(1) == 'x' || ref.charAt(1) == 'X';
            String digits = ref.substring(hex ? 2 : 1);
            if (digits.endsWith(";")) {
                digits = digits.substring(0, digits.length() - 1);
            }
            long num;
            try {
                num = Long.parseLong(digits, hex ? 16 : 10);
            } catch (NumberFormatException e) {
                num = Long.MAX_VALUE;
            }
            return charref(num);
        }
        Map<String, String> entities = Entities.TABLE;
        String v = entities.get(ref);
        if (v != null) {
            return v;
        }
        for (int x = ref.length() - 1; x > 1; x--) {
            v = entities.get(ref.substring(0, x));
            if (v != null) {
                return v + ref.substring(x);
            }
        }
        return "&" + ref;
    }

    private static String charref(long num) {
        if (num == 0) {
            return "\ufffd";
        }
        if (num == 0x0d) {
            return "\r";
        }
        if (num >= 0x80 && num <= 0x9f) {
            return String.valueOf(C1.charAt((int) num - 0x80));
        }
        if ((num >= 0xd800 && num <= 0xdfff) || num > 0x10ffff) {
            return "\ufffd";
        }
        int cp = (int) num;
        if ((cp >= 0x1 && cp <= 0x8) || (cp >= 0xe && cp <= 0x1f) || (cp >= 0x7f && cp <= 0x9f)
                || (cp >= 0xfdd0 && cp <= 0xfdef) || cp == 0xb || (cp & 0xfffe) == 0xfffe) {
            return "";
        }
        return new String(Character.toChars(cp));
    }

    /** Loaded on first use: most renders never unescape anything. */
    private static final class Entities {
        static final Map<String, String> TABLE = load();

        private static Map<String, String> load() {
            Map<String, String> m = new HashMap<>(4096);
            try (InputStream in = HtmlText.class.getResourceAsStream(ENTITIES_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(ENTITIES_RESOURCE + " is missing from the classpath");
                }
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (line.isEmpty() || line.startsWith("#")) {
                        continue;
                    }
                    String[] f = line.split(" ");
                    StringBuilder v = new StringBuilder();
                    for (int i = 1; i < f.length; i++) {
                        v.appendCodePoint(Integer.parseInt(f[i], 16));
                    }
                    m.put(f[0], v.toString());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.copyOf(m);
        }
    }
}
