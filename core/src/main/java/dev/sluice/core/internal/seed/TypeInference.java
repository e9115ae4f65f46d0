package dev.sluice.core.internal.seed;

/**
 * Which column type a value asks for. The rules never lose information: a value is typed only
 * when the type stores exactly what it says, so {@code 007}, {@code 01/02/2020}, {@code 1e5},
 * {@code +33612345678} and {@code 1,000} stay text. See {@link #classify} for the full list.
 */
final class TypeInference {
    /** Largest digit counts PostgreSQL's numeric takes before and after the point. */
    private static final int MAX_INTEGER_DIGITS = 131_072;
    private static final int MAX_FRACTION_DIGITS = 16_383;

    private TypeInference() {
    }

    /**
     * True for CSV fields that load as NULL: empty, only spaces, or {@code null} in any case (as
     * dbt's agate reads seeds). They do not take part in inference.
     */
    static boolean isNull(String csvField) {
        if (csvField == null) {
            return true;
        }
        String v = trim(csvField);
        return v.isEmpty() || v.equalsIgnoreCase("null");
    }

    /**
     * The type {@code value} asks for, or null for SQL NULL.
     * <ul>
     * <li>CSV text (ignoring surrounding spaces): {@code -?(0|[1-9][0-9]*)} is integer, bigint past
     * 32 bits, numeric past 64 bits; the same with {@code .} and at least one digit after it is
     * numeric; {@code true}/{@code false} in any case are boolean; {@code YYYY-MM-DD} (a real
     * calendar date) is date; that date, {@code T} or a space, {@code HH:MM[:SS[.ffffff]]} is
     * timestamp, and with {@code Z}, {@code ±HH}, {@code ±HH:MM} or {@code ±HHMM} after it,
     * timestamp with time zone; anything else is text.</li>
     * <li>JSON values keep their JSON type: integers by size as above, other numbers numeric,
     * booleans boolean, objects and arrays JSON; a string is a date or timestamp when it reads as
     * one exactly (no spaces around), otherwise text, so {@code "42"} stays text.</li>
     * </ul>
     */
    static SeedColumnType classify(String value, ValueKind kind) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case CSV_TEXT -> isNull(value) ? null : classifyText(trim(value));
            case JSON_STRING -> {
                SeedColumnType t = TemporalSyntax.classify(value);
                yield t == null ? SeedColumnType.TEXT : t;
            }
            case JSON_INTEGER -> integerType(value, value.startsWith("-") ? value.length() - 1 : value.length());
            case JSON_DECIMAL -> SeedColumnType.NUMERIC;
            case JSON_BOOLEAN -> SeedColumnType.BOOLEAN;
            case JSON_NESTED -> SeedColumnType.JSON;
        };
    }

    private static SeedColumnType classifyText(String v) {
        char c = v.charAt(0);
        if (c == '-' || (c >= '0' && c <= '9')) {
            SeedColumnType t = number(v);
            if (t == null) {
                t = TemporalSyntax.classify(v);
            }
            return t == null ? SeedColumnType.TEXT : t;
        }
        if (v.equalsIgnoreCase("true") || v.equalsIgnoreCase("false")) {
            return SeedColumnType.BOOLEAN;
        }
        return SeedColumnType.TEXT;
    }

    /** Integer or decimal without exponent, sign only as a leading minus, no leading zeros. */
    static SeedColumnType number(String v) {
        int n = v.length();
        int start = v.charAt(0) == '-' ? 1 : 0;
        int i = start;
        while (i < n && isDigit(v.charAt(i))) {
            i++;
        }
        int digits = i - start;
        if (digits == 0 || (digits > 1 && v.charAt(start) == '0')) {
            return null;
        }
        if (i == n) {
            return integerType(v, digits);
        }
        if (v.charAt(i) != '.') {
            return null;
        }
        int fraction = ++i;
        while (i < n && isDigit(v.charAt(i))) {
            i++;
        }
        if (i != n || i == fraction || digits > MAX_INTEGER_DIGITS || n - fraction > MAX_FRACTION_DIGITS) {
            return null;
        }
        return SeedColumnType.NUMERIC;
    }

    private static SeedColumnType integerType(String v, int digits) {
        if (digits <= 9) {
            return SeedColumnType.INTEGER;
        }
        if (digits > 19) {
            return digits > MAX_INTEGER_DIGITS ? SeedColumnType.TEXT : SeedColumnType.NUMERIC;
        }
        try {
            long x = Long.parseLong(v);
            return x >= Integer.MIN_VALUE && x <= Integer.MAX_VALUE ? SeedColumnType.INTEGER : SeedColumnType.BIGINT;
        } catch (NumberFormatException e) {
            return SeedColumnType.NUMERIC;
        }
    }

    static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Strips the ASCII white space PostgreSQL's input functions skip (not other Unicode spaces). */
    static String trim(String v) {
        int start = 0;
        int end = v.length();
        while (start < end && isSpace(v.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(v.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == v.length() ? v : v.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
