package dev.sluice.jinja.internal.lexer;

/**
 * Decodes the backslash escapes of a string literal as Jinja2 does (Python's
 * {@code unicode-escape} codec): {@code \n \t \\ \' \x41 \u00e9 \U0001F600 \N{NAME} \101};
 * unknown escapes stay as written.
 */
final class StringEscapes {
    private StringEscapes() {
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                if (c == '\\') {
                    throw new IllegalArgumentException("\\ at end of string");
                }
                sb.append(c);
                continue;
            }
            char e = s.charAt(++i);
            switch (e) {
                case '\n' -> {
                }
                case '\\' -> sb.append('\\');
                case '\'' -> sb.append('\'');
                case '"' -> sb.append('"');
                case 'a' -> sb.append('\u0007');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case 'n' -> sb.append('\n');
                case 'r' -> sb.append('\r');
                case 't' -> sb.append('\t');
                case 'v' -> sb.append('\u000b');
                case 'x' -> i = hex(s, i, 2, sb, "truncated \\xXX escape");
                case 'u' -> i = hex(s, i, 4, sb, "truncated \\uXXXX escape");
                case 'U' -> i = hex(s, i, 8, sb, "truncated \\UXXXXXXXX escape");
                case 'N' -> i = named(s, i, sb);
                default -> {
                    if (e >= '0' && e <= '7') {
                        int v = e - '0';
                        int k = 1;
                        while (k < 3 && i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '7') {
                            v = v * 8 + (s.charAt(++i) - '0');
                            k++;
                        }
                        sb.appendCodePoint(v);
                    } else {
                        sb.append('\\').append(e);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static int hex(String s, int i, int digits, StringBuilder sb, String error) {
        if (i + digits >= s.length()) {
            throw new IllegalArgumentException(error);
        }
        int v = 0;
        for (int k = 1; k <= digits; k++) {
            int d = Character.digit(s.charAt(i + k), 16);
            if (d < 0) {
                throw new IllegalArgumentException(error);
            }
            v = v * 16 + d;
        }
        if (v > 0x10FFFF || v < 0) {
            throw new IllegalArgumentException("illegal Unicode character");
        }
        sb.appendCodePoint(v);
        return i + digits;
    }

    private static int named(String s, int i, StringBuilder sb) {
        if (i + 1 >= s.length() || s.charAt(i + 1) != '{') {
            throw new IllegalArgumentException("malformed \\N character escape");
        }
        int close = s.indexOf('}', i + 2);
        if (close < 0) {
            throw new IllegalArgumentException("malformed \\N character escape");
        }
        String name = s.substring(i + 2, close);
        int cp;
        try {
            cp = Character.codePointOf(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown Unicode character name");
        }
        sb.appendCodePoint(cp);
        return close;
    }
}
