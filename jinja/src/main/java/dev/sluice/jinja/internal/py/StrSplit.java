package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.PyTuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code str.split}, {@code rsplit}, {@code splitlines}, {@code partition} and the strip methods. */
final class StrSplit {
    private static final String[] SPLIT_NAMES = {"sep", "maxsplit"};
    private static final Object[] SPLIT_DEFAULTS = {null, -1L};
    private static final String[] SPLITLINES_NAMES = {"keepends"};
    private static final Object[] SPLITLINES_DEFAULTS = {false};

    private StrSplit() {
    }

    static List<Object> split(String s, Arguments a, boolean fromRight) {
        Object[] p = MethodArgs.keywords(a, fromRight ? "rsplit" : "split", SPLIT_NAMES, SPLIT_DEFAULTS);
        long max = MethodArgs.index(p[1]);
        if (max < 0) {
            max = Long.MAX_VALUE;
        }
        if (p[0] == null) {
            return fromRight ? rsplitWhitespace(s, max) : splitWhitespace(s, max);
        }
        if (!PyTypes.isString(p[0])) {
            throw PyErrors.type("must be str or None, not " + PyTypes.typeName(p[0]));
        }
        String sep = p[0].toString();
        if (sep.isEmpty()) {
            throw PyErrors.value("empty separator");
        }
        return fromRight ? rsplit(s, sep, max) : split(s, sep, max);
    }

    static List<Object> splitWhitespace(String s, long max) {
        List<Object> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (max-- > 0) {
            while (i < n && PyUnicode.isSpace(s.charAt(i))) {
                i++;
            }
            if (i == n) {
                break;
            }
            int j = i++;
            while (i < n && !PyUnicode.isSpace(s.charAt(i))) {
                i++;
            }
            out.add(s.substring(j, i));
        }
        if (i < n) {
            while (i < n && PyUnicode.isSpace(s.charAt(i))) {
                i++;
            }
            if (i != n) {
                out.add(s.substring(i));
            }
        }
        return out;
    }

    private static List<Object> rsplitWhitespace(String s, long max) {
        List<Object> out = new ArrayList<>();
        int i = s.length() - 1;
        while (max-- > 0) {
            while (i >= 0 && PyUnicode.isSpace(s.charAt(i))) {
                i--;
            }
            if (i < 0) {
                break;
            }
            int j = i--;
            while (i >= 0 && !PyUnicode.isSpace(s.charAt(i))) {
                i--;
            }
            out.add(s.substring(i + 1, j + 1));
        }
        if (i >= 0) {
            while (i >= 0 && PyUnicode.isSpace(s.charAt(i))) {
                i--;
            }
            if (i >= 0) {
                out.add(s.substring(0, i + 1));
            }
        }
        Collections.reverse(out);
        return out;
    }

    private static List<Object> split(String s, String sep, long max) {
        List<Object> out = new ArrayList<>();
        int i = 0;
        while (max-- > 0) {
            int pos = s.indexOf(sep, i);
            if (pos < 0) {
                break;
            }
            out.add(s.substring(i, pos));
            i = pos + sep.length();
        }
        out.add(s.substring(i));
        return out;
    }

    private static List<Object> rsplit(String s, String sep, long max) {
        List<Object> out = new ArrayList<>();
        int j = s.length();
        while (max-- > 0) {
            int pos = j - sep.length() < 0 ? -1 : s.lastIndexOf(sep, j - sep.length());
            if (pos < 0) {
                break;
            }
            out.add(s.substring(pos + sep.length(), j));
            j = pos;
        }
        out.add(s.substring(0, j));
        Collections.reverse(out);
        return out;
    }

    static List<Object> splitlines(String s, Arguments a) {
        Object[] p = MethodArgs.keywords(a, "splitlines", SPLITLINES_NAMES, SPLITLINES_DEFAULTS);
        boolean keepends = MethodArgs.index(p[0]) != 0;
        List<Object> out = new ArrayList<>();
        int n = s.length();
        for (int i = 0, j = 0; i < n; j = i) {
            while (i < n && !PyUnicode.isLineBreak(s.charAt(i))) {
                i++;
            }
            int eol = i;
            if (i < n) {
                i += s.charAt(i) == '\r' && i + 1 < n && s.charAt(i + 1) == '\n' ? 2 : 1;
                if (keepends) {
                    eol = i;
                }
            }
            out.add(s.substring(j, eol));
        }
        return out;
    }

    static PyTuple partition(String s, Object sepArg, boolean fromRight) {
        String sep = MethodArgs.mustBeStr(sepArg);
        if (sep.isEmpty()) {
            throw PyErrors.value("empty separator");
        }
        int i = fromRight ? s.lastIndexOf(sep) : s.indexOf(sep);
        if (i < 0) {
            return fromRight ? PyTuple.of("", "", s) : PyTuple.of(s, "", "");
        }
        return PyTuple.of(s.substring(0, i), sep, s.substring(i + sep.length()));
    }

    /** {@code strip} (both ends), {@code lstrip} (left) or {@code rstrip} (right). */
    static String strip(String s, Arguments a, String name, boolean left, boolean right) {
        MethodArgs.positional(a, "str." + name, 0, 1);
        Object chars = MethodArgs.arg(a, 0, null);
        if (chars != null && !PyTypes.isString(chars)) {
            throw PyErrors.type(name + " arg must be None or str");
        }
        String set = chars == null ? null : chars.toString();
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end) {
                int cp = s.codePointAt(start);
                if (!stripped(cp, set)) {
                    break;
                }
                start += Character.charCount(cp);
            }
        }
        if (right) {
            while (end > start) {
                int cp = s.codePointBefore(end);
                if (!stripped(cp, set)) {
                    break;
                }
                end -= Character.charCount(cp);
            }
        }
        return s.substring(start, end);
    }

    private static boolean stripped(int cp, String set) {
        if (set == null) {
            return PyUnicode.isSpace(cp);
        }
        return set.indexOf(cp) >= 0;
    }
}
