package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.Undefined;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Python's str() and str methods as the builtin filters need them, counting in code points. */
final class Py {
    private Py() {
    }

    /** Python's {@code str(v)}, failing for undefined values whose policy forbids printing. */
    static String str(Object v) {
        if (v instanceof Undefined u) {
            u.checkUsable();
            return "";
        }
        return PyRepr.str(v);
    }

    /** markupsafe's {@code soft_str}: Markup stays Markup, anything else becomes {@code str(v)}. */
    static Object softStr(Object v) {
        return v instanceof Markup ? v : str(v);
    }

    /** {@code result} as Markup when {@code like} is Markup (Markup's str methods return Markup). */
    static Object like(Object like, String result) {
        return like instanceof Markup ? new Markup(result) : result;
    }

    /** The type name Python reports, including the undefined subclasses. */
    static String typeName(Object v) {
        if (v instanceof Undefined u) {
            return switch (u.policy()) {
                case STRICT -> "StrictUndefined";
                case CHAINABLE -> "ChainableUndefined";
                default -> "Undefined";
            };
        }
        return PyTypes.typeName(v);
    }

    /** Python's {@code operator.index(v)} as a long: ints and bools only. */
    static long index(Object v) {
        if (PyTypes.isIntegral(v)) {
            if (PyTypes.fitsLong(v)) {
                return PyTypes.asLong(v);
            }
            throw PyErrors.overflow("Python int too large to convert to C ssize_t");
        }
        throw PyErrors.type("'" + typeName(v) + "' object cannot be interpreted as an integer");
    }

    /** An int or bool value as BigInteger. */
    static BigInteger bigInt(Object v) {
        return PyTypes.bigInt(v);
    }

    static int len(String s) {
        return s.codePointCount(0, s.length());
    }

    /** {@code s[start:end]} in code points with Python's clamping of negative and large bounds. */
    static String slice(String s, long start, long end) {
        int n = len(s);
        long a = start < 0 ? Math.max(0, start + n) : Math.min(start, n);
        long b = end < 0 ? Math.max(0, end + n) : Math.min(end, n);
        if (b <= a) {
            return "";
        }
        int from = s.offsetByCodePoints(0, (int) a);
        int to = s.offsetByCodePoints(from, (int) (b - a));
        return s.substring(from, to);
    }

    /** Python's {@code str.isspace()} for one code point. */
    static boolean isSpace(int cp) {
        return switch (cp) {
            case '\t', '\n', 0x0b, 0x0c, '\r', 0x1c, 0x1d, 0x1e, 0x1f, ' ', 0x85, 0xa0, 0x1680, 0x2028, 0x2029,
                    0x202f, 0x205f, 0x3000 -> true;
            default -> cp >= 0x2000 && cp <= 0x200a;
        };
    }

    /** A regex character class body matching Python's Unicode whitespace. */
    static final String SPACE_CLASS = "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029"
            + "\\u202f\\u205f\\u3000";

    /** {@code str.strip(chars)}; null chars strips whitespace. */
    static String strip(String s, String chars) {
        int start = 0;
        int end = s.length();
        while (start < end) {
            int cp = s.codePointAt(start);
            if (!stripped(cp, chars)) {
                break;
            }
            start += Character.charCount(cp);
        }
        while (end > start) {
            int cp = s.codePointBefore(end);
            if (!stripped(cp, chars)) {
                break;
            }
            end -= Character.charCount(cp);
        }
        return s.substring(start, end);
    }

    private static boolean stripped(int cp, String chars) {
        return chars == null ? isSpace(cp) : chars.indexOf(new String(Character.toChars(cp))) >= 0;
    }

    /** {@code str.split()} without arguments: runs of whitespace separate, no empty words. */
    static List<String> splitWhitespace(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            while (i < n && isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            int start = i;
            while (i < n && !isSpace(s.codePointAt(i))) {
                i += Character.charCount(s.codePointAt(i));
            }
            if (i > start) {
                out.add(s.substring(start, i));
            }
        }
        return out;
    }

    /** {@code str.splitlines(keepends)}. */
    static List<String> splitlines(String s, boolean keepends) {
        List<String> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        int start = 0;
        while (i < n) {
            char c = s.charAt(i);
            int eol;
            if (c == '\r' && i + 1 < n && s.charAt(i + 1) == '\n') {
                eol = 2;
            } else if (c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d || c == 0x1e
                    || c == 0x85 || c == 0x2028 || c == 0x2029) {
                eol = 1;
            } else {
                i++;
                continue;
            }
            out.add(s.substring(start, keepends ? i + eol : i));
            i += eol;
            start = i;
        }
        if (start < n) {
            out.add(s.substring(start));
        }
        return out;
    }

    static String upper(String s) {
        return s.toUpperCase(Locale.ROOT);
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Python 3.8+ {@code str.capitalize()}: the first character title-cased, the rest lower-cased. */
    static String capitalize(String s) {
        if (s.isEmpty()) {
            return s;
        }
        int cp = s.codePointAt(0);
        int n = Character.charCount(cp);
        // lower-case the whole string so that a final sigma sees the letters before it
        int firstLower = lower(s.substring(0, n)).length();
        return titleChar(cp) + lower(s).substring(firstLower);
    }

    /** Characters whose title case is several characters (Unicode SpecialCasing), as hex code points. */
    private static final Map<Integer, String> MULTI_TITLE = multiTitle(
            "df:53 73,149:2bc 4e,1f0:4a 30c,390:399 308 301,3b0:3a5 308 301,587:535 582,1e96:48 331,1e97:54 3"
            + "08,1e98:57 30a,1e99:59 30a,1e9a:41 2be,1f50:3a5 313,1f52:3a5 313 300,1f54:3a5 313 301,1f56:3a5 3"
            + "13 342,1fb2:1fba 345,1fb4:386 345,1fb6:391 342,1fb7:391 342 345,1fc2:1fca 345,1fc4:389 345,1fc6:"
            + "397 342,1fc7:397 342 345,1fd2:399 308 300,1fd3:399 308 301,1fd6:399 342,1fd7:399 308 342,1fe2:3a"
            + "5 308 300,1fe3:3a5 308 301,1fe4:3a1 313,1fe6:3a5 342,1fe7:3a5 308 342,1ff2:1ffa 345,1ff4:38f 345"
            + ",1ff6:3a9 342,1ff7:3a9 342 345,fb00:46 66,fb01:46 69,fb02:46 6c,fb03:46 66 69,fb04:46 66 6c,fb05"
            + ":53 74,fb06:53 74,fb13:544 576,fb14:544 565,fb15:544 56b,fb16:54e 576,fb17:544 56d");

    private static Map<Integer, String> multiTitle(String table) {
        Map<Integer, String> m = new HashMap<>();
        for (String entry : table.split(",")) {
            String[] kv = entry.split(":");
            StringBuilder sb = new StringBuilder();
            for (String cp : kv[1].split(" ")) {
                sb.appendCodePoint(Integer.parseInt(cp, 16));
            }
            m.put(Integer.parseInt(kv[0], 16), sb.toString());
        }
        return Map.copyOf(m);
    }

    /** The full title-case mapping of one character ({@code ß} gives {@code Ss}). */
    static String titleChar(int cp) {
        String multi = MULTI_TITLE.get(cp);
        return multi != null ? multi : new String(Character.toChars(Character.toTitleCase(cp)));
    }

    /** Python's {@code str.center(width)} with spaces. */
    static String center(String s, long width) {
        int n = len(s);
        if (width <= n) {
            return s;
        }
        long marg = width - n;
        long left = marg / 2 + (marg & width & 1);
        return " ".repeat((int) left) + s + " ".repeat((int) (marg - left));
    }

    /** Python's {@code str.replace(old, new, count)}; a negative count replaces all. */
    static String replace(String s, String old, String rep, long count) {
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        if (count == 0) {
            return s;
        }
        if (old.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            long done = 0;
            int i = 0;
            while (true) {
                if (done < count) {
                    sb.append(rep);
                    done++;
                }
                if (i >= s.length()) {
                    break;
                }
                int cp = s.codePointAt(i);
                sb.appendCodePoint(cp);
                i += Character.charCount(cp);
            }
            return sb.toString();
        }
        StringBuilder sb = new StringBuilder();
        int i = 0;
        long done = 0;
        while (done < count) {
            int j = s.indexOf(old, i);
            if (j < 0) {
                break;
            }
            sb.append(s, i, j).append(rep);
            i = j + old.length();
            done++;
        }
        return sb.append(s.substring(i)).toString();
    }

    /** Python's {@code str.islower()} ({@code upper} false) or {@code str.isupper()} ({@code upper} true). */
    static boolean isCase(String s, boolean upper) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean isUp = Character.isUpperCase(cp);
            boolean isLow = Character.isLowerCase(cp);
            boolean isTitle = Character.isTitleCase(cp);
            if (upper ? (isLow || isTitle) : (isUp || isTitle)) {
                return false;
            }
            if (upper ? isUp : isLow) {
                cased = true;
            }
        }
        return cased;
    }

    /** Python's {@code \w} for one code point in a str pattern: alphanumeric or underscore. */
    static boolean isWord(int cp) {
        if (cp == '_') {
            return true;
        }
        int t = Character.getType(cp);
        return switch (t) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER, Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** Regex class body for Python's {@code \w}. */
    static final String WORD_CLASS = "\\p{L}\\p{N}_";

    /** Unpacks {@code item} into two values as {@code k, v = item} does, with Python's errors. */
    static Object[] unpack2(Object item) {
        if (!PyOps.isIterable(item)) {
            throw PyErrors.type("cannot unpack non-iterable " + typeName(item) + " object");
        }
        List<Object> values = PyOps.toList(item);
        if (values.size() > 2) {
            throw PyErrors.value("too many values to unpack (expected 2)");
        }
        if (values.size() < 2) {
            throw PyErrors.value("not enough values to unpack (expected 2, got " + values.size() + ")");
        }
        return values.toArray();
    }
}
