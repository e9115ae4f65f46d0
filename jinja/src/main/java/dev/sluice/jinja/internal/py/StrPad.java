package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;

/** {@code str.center}, {@code ljust}, {@code rjust}, {@code zfill} and {@code expandtabs}. */
final class StrPad {
    private static final String[] EXPANDTABS_NAMES = {"tabsize"};
    private static final Object[] EXPANDTABS_DEFAULTS = {8L};
    /** Guards against templates asking for gigabytes of padding. */
    private static final long MAX_WIDTH = 100_000_000L;

    private StrPad() {
    }

    /** {@code center}, {@code ljust} or {@code rjust}: {@code where} is '^', '<' or '>'. */
    static String justify(String s, Arguments a, String name, char where) {
        MethodArgs.positional(a, "str." + name, 1, 2);
        long width = MethodArgs.index(a.get(0));
        int fill = ' ';
        if (a.size() > 1) {
            Object f = a.get(1);
            if (!PyTypes.isString(f)) {
                throw PyErrors.type("The fill character must be a unicode character, not " + MethodArgs.tpName(f));
            }
            String fs = f.toString();
            if (StrSearch.cpLen(fs) != 1) {
                throw PyErrors.type("The fill character must be exactly one character long");
            }
            fill = fs.codePointAt(0);
        }
        int len = StrSearch.cpLen(s);
        if (len >= width) {
            return s;
        }
        checkWidth(width);
        long marg = width - len;
        long left = switch (where) {
            case '<' -> 0;
            case '>' -> marg;
            default -> marg / 2 + (marg & width & 1);
        };
        return pad(s, left, marg - left, fill);
    }

    static String zfill(String s, Object widthArg) {
        long width = MethodArgs.index(widthArg);
        int len = StrSearch.cpLen(s);
        if (len >= width) {
            return s;
        }
        checkWidth(width);
        long fill = width - len;
        String padded = pad(s, fill, 0, '0');
        int at = (int) fill;
        char c = at < padded.length() ? padded.charAt(at) : 0;
        if (c == '+' || c == '-') {
            return c + padded.substring(1, at) + '0' + padded.substring(at + 1);
        }
        return padded;
    }

    static String expandtabs(String s, Arguments a) {
        long tabsize = MethodArgs.index(MethodArgs.keywords(a, "expandtabs", EXPANDTABS_NAMES, EXPANDTABS_DEFAULTS)[0]);
        if (s.indexOf('\t') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        long column = 0;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            i += Character.charCount(c);
            if (c == '\t') {
                if (tabsize > 0) {
                    long incr = tabsize - (column % tabsize);
                    column += incr;
                    checkWidth(sb.length() + incr);
                    sb.append(" ".repeat((int) incr));
                }
            } else {
                column++;
                sb.appendCodePoint(c);
                if (c == '\n' || c == '\r') {
                    column = 0;
                }
            }
        }
        return sb.toString();
    }

    static String pad(String s, long left, long right, int fill) {
        StringBuilder sb = new StringBuilder((int) (s.length() + left + right));
        appendRepeated(sb, fill, left);
        sb.append(s);
        appendRepeated(sb, fill, right);
        return sb.toString();
    }

    static void appendRepeated(StringBuilder sb, int cp, long n) {
        for (long i = 0; i < n; i++) {
            sb.appendCodePoint(cp);
        }
    }

    static void checkWidth(long width) {
        if (width > MAX_WIDTH) {
            throw PyErrors.overflow("Cannot pad a string to " + width + " characters: the result is too large");
        }
    }
}
