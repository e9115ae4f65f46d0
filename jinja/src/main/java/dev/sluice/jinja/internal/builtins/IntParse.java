package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTypes;
import java.math.BigInteger;
import java.util.regex.Pattern;

/** Python's {@code int(text, base)} and {@code float(text)} parsing of strings. */
final class IntParse {
    private static final String DIGITS = "[0-9](?:_?[0-9])*";
    private static final Pattern FLOAT = Pattern.compile(
            "[+-]?(?:(?:" + DIGITS + "(?:\\.(?:" + DIGITS + ")?)?|\\.(?:" + DIGITS + "))(?:[eE][+-]?" + DIGITS + ")?)");
    private static final Pattern SPECIAL = Pattern.compile("[+-]?(?:inf|infinity|nan)", Pattern.CASE_INSENSITIVE);

    private IntParse() {
    }

    /** {@code int(text)} in base 10, for digit strings known to be valid. */
    static Object parseDecimal(String digits) {
        return parseInt(digits, 10);
    }

    /** Python's {@code int(text, base)}: a ValueError when the text is not an int literal of that base. */
    static Object parseInt(String text, long base) {
        if (base != 0 && (base < 2 || base > 36)) {
            throw PyErrors.value("int() base must be >= 2 and <= 36, or 0");
        }
        String s = asciiDigits(Py.strip(text, null));
        String invalid = "invalid literal for int() with base " + base + ": " + PyRepr.stringRepr(text);
        int i = 0;
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        int b = (int) base;
        boolean prefixed = false;
        if (i + 1 < s.length() && s.charAt(i) == '0') {
            char p = Character.toLowerCase(s.charAt(i + 1));
            int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
            if (pb != 0 && (b == 0 || b == pb)) {
                b = pb;
                i += 2;
                prefixed = true;
            }
        }
        if (b == 0) {
            b = 10;
            String rest = s.substring(i).replace("_", "");
            if (rest.length() > 1 && rest.charAt(0) == '0' && !rest.chars().allMatch(c -> c == '0')) {
                throw PyErrors.value(invalid);
            }
        }
        String body = s.substring(i);
        if (prefixed && body.startsWith("_")) {
            body = body.substring(1);
        }
        if (body.isEmpty() || body.startsWith("_") || body.endsWith("_") || body.contains("__")) {
            throw PyErrors.value(invalid);
        }
        String clean = body.replace("_", "");
        for (int k = 0; k < clean.length(); k++) {
            if (clean.charAt(k) >= 128 || Character.digit(clean.charAt(k), b) < 0) {
                throw PyErrors.value(invalid);
            }
        }
        BigInteger v = new BigInteger(clean, b);
        return PyTypes.normalizeInt(negative ? v.negate() : v);
    }

    /** Python's {@code float(text)}: a ValueError when the text is not a float literal. */
    static double parseFloat(String text) {
        String s = asciiDigits(Py.strip(text, null));
        if (SPECIAL.matcher(s).matches()) {
            boolean neg = s.startsWith("-");
            if (s.toLowerCase().contains("nan")) {
                return Double.NaN;
            }
            return neg ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!FLOAT.matcher(s).matches()) {
            throw PyErrors.value("could not convert string to float: " + PyRepr.stringRepr(text));
        }
        return Double.parseDouble(s.replace("_", ""));
    }

    /** Replaces non-ASCII decimal digits with ASCII ones, as Python's number parsers accept them. */
    private static String asciiDigits(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int n = Character.charCount(cp);
            if (cp > 127 && Character.getType(cp) == Character.DECIMAL_DIGIT_NUMBER) {
                if (sb == null) {
                    sb = new StringBuilder(s.substring(0, i));
                }
                sb.append((char) ('0' + Character.digit(cp, 10)));
            } else if (sb != null) {
                sb.appendCodePoint(cp);
            }
            i += n;
        }
        return sb == null ? s : sb.toString();
    }
}
