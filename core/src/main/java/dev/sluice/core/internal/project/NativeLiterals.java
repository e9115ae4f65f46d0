package dev.sluice.core.internal.project;

import java.math.BigDecimal;

/** A small {@code ast.literal_eval} for {@code as_native}: numbers, booleans, None; anything else stays text. */
final class NativeLiterals {
    private NativeLiterals() {
    }

    static Object parse(String s) {
        switch (s) {
            case "True":
                return true;
            case "False":
                return false;
            case "None":
                return null;
            default:
                break;
        }
        try {
            BigDecimal d = new BigDecimal(s);
            if (!s.contains(".") && !s.contains("e") && !s.contains("E")) {
                return d.precision() - d.scale() < 19 ? (Object) d.longValueExact() : d.toBigIntegerExact();
            }
            return d.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            if (s.length() >= 2 && (s.startsWith("'") && s.endsWith("'") || s.startsWith("\"") && s.endsWith("\""))) {
                return s.substring(1, s.length() - 1);
            }
            return s;
        }
    }
}
