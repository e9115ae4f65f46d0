package dev.sluice.jinja.internal.py;

import java.util.function.IntPredicate;

/** Python's case conversions ({@code lower}, {@code title}, {@code swapcase}, ...) and {@code is*} predicates. */
final class StrCase {
    private static final int CAPITAL_SIGMA = 0x3a3;

    private StrCase() {
    }

    static String lower(String s) {
        if (isAscii(s)) {
            return asciiLower(s);
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            appendLower(sb, s, i, c);
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    static String upper(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> PyUnicode.appendUpper(sb, c));
        return sb.toString();
    }

    static String casefold(String s) {
        if (isAscii(s)) {
            return asciiLower(s);
        }
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> PyUnicode.appendFold(sb, c));
        return sb.toString();
    }

    static String capitalize(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (i == 0) {
                PyUnicode.appendTitle(sb, c);
            } else {
                appendLower(sb, s, i, c);
            }
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /** Python's {@code str.title}: a cased character after an uncased one starts a word, so "they're" gives "They'Re". */
    static String title(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (previousCased) {
                appendLower(sb, s, i, c);
            } else {
                PyUnicode.appendTitle(sb, c);
            }
            previousCased = PyUnicode.isCased(c);
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    static String swapcase(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (PyUnicode.isUpper(c)) {
                appendLower(sb, s, i, c);
            } else if (PyUnicode.isLower(c)) {
                PyUnicode.appendUpper(sb, c);
            } else {
                sb.appendCodePoint(c);
            }
            i += Character.charCount(c);
        }
        return sb.toString();
    }

    /** Lowercases {@code c} found at {@code i} in {@code s}; a capital sigma ending a word becomes final sigma. */
    private static void appendLower(StringBuilder sb, String s, int i, int c) {
        if (c == CAPITAL_SIGMA) {
            sb.append(isFinalSigma(s, i) ? '\u03c2' : '\u03c3');
        } else {
            PyUnicode.appendLower(sb, c);
        }
    }

    private static boolean isFinalSigma(String s, int i) {
        int j = i;
        int c = 0;
        while (j > 0) {
            c = s.codePointBefore(j);
            j -= Character.charCount(c);
            if (!PyUnicode.isCaseIgnorable(c)) {
                break;
            }
            c = -1;
        }
        if (c <= 0 || !PyUnicode.isCased(c)) {
            return false;
        }
        for (j = i + 1; j < s.length(); ) {
            c = s.codePointAt(j);
            if (!PyUnicode.isCaseIgnorable(c)) {
                return !PyUnicode.isCased(c);
            }
            j += Character.charCount(c);
        }
        return true;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static String asciiLower(String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch >= 'A' && ch <= 'Z') {
                char[] cs = s.toCharArray();
                for (int j = i; j < cs.length; j++) {
                    if (cs[j] >= 'A' && cs[j] <= 'Z') {
                        cs[j] += 32;
                    }
                }
                return new String(cs);
            }
        }
        return s;
    }

    // ---- predicates ------------------------------------------------------------------------

    /** True when {@code s} is non-empty and every code point satisfies {@code p}. */
    static boolean all(String s, IntPredicate p) {
        return !s.isEmpty() && s.codePoints().allMatch(p);
    }

    static boolean isAsciiOnly(String s) {
        return isAscii(s);
    }

    static boolean isPrintable(String s) {
        return s.codePoints().allMatch(PyRepr::isPrintable);
    }

    static boolean isLowerCase(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (PyUnicode.isUpper(c) || PyUnicode.isTitle(c)) {
                return false;
            }
            cased |= PyUnicode.isLower(c);
            i += Character.charCount(c);
        }
        return cased;
    }

    static boolean isUpperCase(String s) {
        boolean cased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (PyUnicode.isLower(c) || PyUnicode.isTitle(c)) {
                return false;
            }
            cased |= PyUnicode.isUpper(c);
            i += Character.charCount(c);
        }
        return cased;
    }

    static boolean isTitleCase(String s) {
        boolean cased = false;
        boolean previousCased = false;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (PyUnicode.isUpper(c) || PyUnicode.isTitle(c)) {
                if (previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else if (PyUnicode.isLower(c)) {
                if (!previousCased) {
                    return false;
                }
                previousCased = true;
                cased = true;
            } else {
                previousCased = false;
            }
            i += Character.charCount(c);
        }
        return cased;
    }

    static boolean isIdentifier(String s) {
        if (s.isEmpty() || !PyUnicode.isIdentifierStart(s.codePointAt(0))) {
            return false;
        }
        return s.codePoints().skip(1).allMatch(PyUnicode::isIdentifierPart);
    }
}
