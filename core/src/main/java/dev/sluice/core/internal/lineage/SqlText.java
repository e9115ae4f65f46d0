package dev.sluice.core.internal.lineage;

import java.util.Arrays;

/**
 * Rewrites PostgreSQL text so that JSqlParser reads it, without changing what lineage sees: every
 * string literal ({@code '...'}, {@code E'...'}, {@code $tag$...$tag$}, ...) becomes a blank
 * {@code '...'} of the same length, comments become blanks (JSqlParser knows neither backslash
 * escapes, dollar quotes holding a quote, nor nested comments), and {@code COLLATE "C"} clauses
 * go (it accepts only unquoted collation names). Lengths and line breaks are kept, so the
 * positions in parse errors still point into the original text.
 */
final class SqlText {
    private SqlText() {
    }

    static String normalize(String sql) {
        char[] s = sql.toCharArray();
        int n = s.length;
        int i = 0;
        while (i < n) {
            char c = s[i];
            if (c == '-' && i + 1 < n && s[i + 1] == '-') {
                int end = i;
                while (end < n && s[end] != '\n' && s[end] != '\r') {
                    end++;
                }
                i = blank(s, i, end);
            } else if (c == '/' && i + 1 < n && s[i + 1] == '*') {
                i = blank(s, i, blockCommentEnd(s, i));
            } else if (c == '"') {
                i = quotedEnd(s, i);
            } else if (c == '\'') {
                i = literal(s, i, i, false);
            } else if (c == '$' && (i == 0 || !identPart(s[i - 1]))) {
                i = dollarQuoted(s, i);
            } else if (identStart(c)) {
                int j = i;
                while (j < n && identPart(s[j])) {
                    j++;
                }
                if (j == i + 1 && j < n && s[j] == '\'' && "eEbBxXnN".indexOf(c) >= 0) {
                    i = literal(s, i, j, c == 'e' || c == 'E');
                } else if (j == i + 1 && (c == 'u' || c == 'U') && j + 1 < n && s[j] == '&' && s[j + 1] == '\'') {
                    i = literal(s, i, j + 1, false);
                } else if (j - i == 7 && new String(s, i, 7).equalsIgnoreCase("collate")) {
                    int end = collationEnd(s, j);
                    i = end < 0 ? j : blank(s, i, end);
                } else {
                    i = j;
                }
            } else {
                i++;
            }
        }
        return new String(s);
    }

    private static boolean identStart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c >= 0x80;
    }

    private static boolean identPart(char c) {
        return identStart(c) || c >= '0' && c <= '9' || c == '$';
    }

    /** Blanks {@code [from, to)}, keeping line breaks; returns {@code to}. */
    private static int blank(char[] s, int from, int to) {
        for (int k = from; k < to; k++) {
            if (s[k] != '\n' && s[k] != '\r') {
                s[k] = ' ';
            }
        }
        return to;
    }

    /** Where a block comment starting at {@code i} ends; they nest in PostgreSQL. */
    private static int blockCommentEnd(char[] s, int i) {
        int depth = 0;
        int k = i;
        while (k < s.length) {
            if (s[k] == '/' && k + 1 < s.length && s[k + 1] == '*') {
                depth++;
                k += 2;
            } else if (s[k] == '*' && k + 1 < s.length && s[k + 1] == '/') {
                k += 2;
                if (--depth == 0) {
                    return k;
                }
            } else {
                k++;
            }
        }
        return s.length;
    }

    private static int quotedEnd(char[] s, int i) {
        int k = i + 1;
        while (k < s.length) {
            if (s[k] == '"') {
                if (k + 1 < s.length && s[k + 1] == '"') {
                    k += 2;
                    continue;
                }
                return k + 1;
            }
            k++;
        }
        return s.length;
    }

    /**
     * Blanks the literal that starts at {@code start} (its prefix, if any) and opens with the quote
     * at {@code quote}; an unterminated one is left for the parser to report.
     */
    private static int literal(char[] s, int start, int quote, boolean backslashEscapes) {
        int k = quote + 1;
        while (k < s.length) {
            if (backslashEscapes && s[k] == '\\') {
                k += 2;
            } else if (s[k] == '\'') {
                if (k + 1 < s.length && s[k + 1] == '\'') {
                    k += 2;
                } else {
                    return replace(s, start, k + 1);
                }
            } else {
                k++;
            }
        }
        return s.length;
    }

    /** A {@code $$...$$} or {@code $tag$...$tag$} string at {@code i}, or a lone {@code $} ({@code $1}). */
    private static int dollarQuoted(char[] s, int i) {
        int k = i + 1;
        if (k < s.length && identStart(s[k])) {
            while (k < s.length && identPart(s[k]) && s[k] != '$') {
                k++;
            }
        }
        if (k >= s.length || s[k] != '$') {
            return i + 1;
        }
        int length = k - i + 1;
        for (int close = k + 1; close + length <= s.length; close++) {
            if (Arrays.equals(s, close, close + length, s, i, i + length)) {
                return replace(s, i, close + length);
            }
        }
        return i + 1;
    }

    /** Turns {@code [from, to)} into {@code '   '}. */
    private static int replace(char[] s, int from, int to) {
        blank(s, from, to);
        s[from] = '\'';
        s[to - 1] = '\'';
        return to;
    }

    /** The end of the collation name after {@code COLLATE}, e.g. {@code "C"} or {@code pg_catalog."default"}; -1 if none. */
    private static int collationEnd(char[] s, int j) {
        int k = j;
        while (true) {
            while (k < s.length && Character.isWhitespace(s[k])) {
                k++;
            }
            if (k >= s.length) {
                return -1;
            }
            if (s[k] == '"') {
                k = quotedEnd(s, k);
            } else if (identStart(s[k])) {
                while (k < s.length && identPart(s[k])) {
                    k++;
                }
            } else {
                return -1;
            }
            if (k < s.length && s[k] == '.') {
                k++;
            } else {
                return k;
            }
        }
    }
}
