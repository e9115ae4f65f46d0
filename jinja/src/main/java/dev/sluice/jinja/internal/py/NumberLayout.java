package dev.sluice.jinja.internal.py;

import java.util.ArrayList;
import java.util.List;

/**
 * Lays a formatted number out in its field, as CPython's {@code calc_number_widths} and
 * {@code fill_number} do: {@code <lpad><sign><prefix><spad><grouped digits><.><remainder><rpad>}.
 * With fill '0' and '=' alignment the zero padding goes through the digit grouping, so
 * {@code format(1234, '010,')} gives {@code 00,001,234}.
 */
final class NumberLayout {
    /** Keeps a template from asking for gigabytes of padding. */
    static final long MAX_WIDTH = 100_000_000L;

    private NumberLayout() {
    }

    /**
     * @param negative  whether the number is negative (the sign is chosen from this and the spec)
     * @param prefix    "0x" and the like, or ""
     * @param digits    the integer digits, to be grouped
     * @param hasDecimal whether a decimal point follows the digits
     * @param remainder what follows the decimal point (fraction, exponent, '%'), or the whole text of inf/nan
     * @param sep       the thousands separator, or 0 for none
     * @param groupSize digits per group (3, or 4 for '_' with b/o/x/X)
     */
    static String layout(FormatSpec f, boolean negative, String prefix, String digits, boolean hasDecimal,
            String remainder, int sep, int groupSize) {
        if (f.width() > MAX_WIDTH) {
            throw PyErrors.overflow("Cannot format a number " + f.width() + " characters wide: the result is too large");
        }
        char sign = 0;
        if (negative) {
            sign = '-';
        } else if (f.sign() == '+') {
            sign = '+';
        } else if (f.sign() == ' ') {
            sign = ' ';
        }
        long nonDigits = (sign != 0 ? 1 : 0) + prefix.length() + (hasDecimal ? 1 : 0) + StrSearch.cpLen(remainder);
        long minWidth = f.fill() == '0' && f.align() == '=' ? f.width() - nonDigits : 0;
        String grouped = digits.isEmpty() ? "" : group(digits, minWidth, sep, sep == 0 ? 0 : groupSize);
        long padding = f.width() - (nonDigits + grouped.length());
        long left = 0;
        long middle = 0;
        long right = 0;
        if (padding > 0) {
            switch (f.align()) {
                case '<' -> right = padding;
                case '^' -> {
                    left = padding / 2;
                    right = padding - left;
                }
                case '=' -> middle = padding;
                default -> left = padding;
            }
        }
        StringBuilder sb = new StringBuilder((int) Math.max(f.width(), 0) + digits.length() + 8);
        StrPad.appendRepeated(sb, f.fill(), left);
        if (sign != 0) {
            sb.append(sign);
        }
        sb.append(prefix);
        StrPad.appendRepeated(sb, f.fill(), middle);
        sb.append(grouped);
        if (hasDecimal) {
            sb.append('.');
        }
        sb.append(remainder);
        StrPad.appendRepeated(sb, f.fill(), right);
        return sb.toString();
    }

    /** CPython's {@code _PyUnicode_InsertThousandsGrouping}, padding with zeros up to {@code minWidth}. */
    static String group(String digits, long minWidth, int sep, int size) {
        List<String> groups = new ArrayList<>();
        int remaining = digits.length();
        boolean done = false;
        if (size > 0) {
            while (true) {
                long l = Math.min(size, Math.max(Math.max(remaining, minWidth), 1));
                groups.add(chunk(digits, remaining, l));
                remaining -= (int) Math.min(remaining, l);
                minWidth -= l;
                if (remaining <= 0 && minWidth <= 0) {
                    done = true;
                    break;
                }
                minWidth -= 1;
            }
        }
        if (!done) {
            groups.add(chunk(digits, remaining, Math.max(Math.max(remaining, minWidth), 1)));
        }
        StringBuilder sb = new StringBuilder();
        for (int i = groups.size() - 1; i >= 0; i--) {
            sb.append(groups.get(i));
            if (i > 0) {
                sb.appendCodePoint(sep);
            }
        }
        return sb.toString();
    }

    /** The {@code l} characters ending at {@code remaining}, zero-filled on the left when there are fewer digits. */
    private static String chunk(String digits, int remaining, long l) {
        int chars = (int) Math.max(0, Math.min(remaining, l));
        long zeros = Math.max(0, l - remaining);
        StringBuilder sb = new StringBuilder();
        StrPad.appendRepeated(sb, '0', zeros);
        return sb.append(digits, remaining - chars, remaining).toString();
    }
}
