package dev.sluice.core.internal.seed;

import static dev.sluice.core.internal.seed.TypeInference.isDigit;

/**
 * ISO 8601 dates and timestamps as PostgreSQL reads them unambiguously: {@code YYYY-MM-DD}, then
 * optionally {@code T} or a space and {@code HH:MM[:SS[.f{1,6}]]}, then optionally a zone
 * ({@code Z}, {@code ±HH}, {@code ±HH:MM}, {@code ±HHMM}). More than six fractional digits would
 * be rounded to microseconds, so such values stay text, as do impossible dates like 2021-02-29.
 */
final class TemporalSyntax {
    private TemporalSyntax() {
    }

    /** DATE, TIMESTAMP, TIMESTAMPTZ, or null when {@code v} is none of them. */
    static SeedColumnType classify(String v) {
        int n = v.length();
        if (n < 10 || !isDate(v)) {
            return null;
        }
        if (n == 10) {
            return SeedColumnType.DATE;
        }
        char sep = v.charAt(10);
        if ((sep != 'T' && sep != ' ') || n < 16 || v.charAt(13) != ':'
                || !number(v, 11, 23) || !number(v, 14, 59)) {
            return null;
        }
        int i = 16;
        if (i < n && v.charAt(i) == ':') {
            if (i + 3 > n || !number(v, i + 1, 59)) {
                return null;
            }
            i += 3;
            if (i < n && v.charAt(i) == '.') {
                int start = ++i;
                while (i < n && isDigit(v.charAt(i))) {
                    i++;
                }
                if (i == start || i - start > 6) {
                    return null;
                }
            }
        }
        if (i == n) {
            return SeedColumnType.TIMESTAMP;
        }
        return isZone(v, i) ? SeedColumnType.TIMESTAMPTZ : null;
    }

    private static boolean isZone(String v, int i) {
        int rest = v.length() - i;
        char c = v.charAt(i);
        if (c == 'Z') {
            return rest == 1;
        }
        if ((c != '+' && c != '-') || rest < 3 || !number(v, i + 1, 15)) {
            return false;
        }
        return switch (rest) {
            case 3 -> true;
            case 5 -> number(v, i + 3, 59);
            case 6 -> v.charAt(i + 3) == ':' && number(v, i + 4, 59);
            default -> false;
        };
    }

    private static boolean isDate(String v) {
        if (v.charAt(4) != '-' || v.charAt(7) != '-') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (!isDigit(v.charAt(i))) {
                return false;
            }
        }
        int year = Integer.parseInt(v, 0, 4, 10);
        int month = Integer.parseInt(v, 5, 7, 10);
        int day = Integer.parseInt(v, 8, 10, 10);
        return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** Two digits at {@code i} making a number no larger than {@code max}. */
    private static boolean number(String v, int i, int max) {
        if (i + 2 > v.length() || !isDigit(v.charAt(i)) || !isDigit(v.charAt(i + 1))) {
            return false;
        }
        return (v.charAt(i) - '0') * 10 + (v.charAt(i + 1) - '0') <= max;
    }
}
