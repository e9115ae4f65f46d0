package dev.sluice.jinja.internal.py;

/**
 * A parsed format spec, {@code [[fill]align][sign][z][#][0][width][grouping][.precision][type]}, as
 * CPython's {@code parse_internal_render_format_spec} reads it. Width and precision are -1 when
 * absent; {@code type} is 0 when absent and the caller gave no default; {@code grouping} is 0, ',' or '_'.
 */
record FormatSpec(int fill, int align, int sign, boolean noNeg0, boolean alternate, long width, int grouping,
        long precision, int type) {

    /** Parses {@code spec} for a value of Python type {@code typeName}. */
    static FormatSpec parse(String spec, String typeName, int defaultType, int defaultAlign) {
        int[] cps = spec.codePoints().toArray();
        int end = cps.length;
        int pos = 0;
        int fill = ' ';
        int align = defaultAlign;
        boolean fillSpecified = false;
        boolean alignSpecified = false;
        if (end - pos >= 2 && isAlign(cps[pos + 1])) {
            align = cps[pos + 1];
            fill = cps[pos];
            fillSpecified = true;
            alignSpecified = true;
            pos += 2;
        } else if (end - pos >= 1 && isAlign(cps[pos])) {
            align = cps[pos];
            alignSpecified = true;
            pos++;
        }
        int sign = 0;
        if (end - pos >= 1 && (cps[pos] == '+' || cps[pos] == '-' || cps[pos] == ' ')) {
            sign = cps[pos++];
        }
        boolean noNeg0 = false;
        if (end - pos >= 1 && cps[pos] == 'z') {
            noNeg0 = true;
            pos++;
        }
        boolean alternate = false;
        if (end - pos >= 1 && cps[pos] == '#') {
            alternate = true;
            pos++;
        }
        if (!fillSpecified && end - pos >= 1 && cps[pos] == '0') {
            fill = '0';
            if (!alignSpecified && defaultAlign == '>') {
                align = '=';
            }
            pos++;
        }
        long[] number = new long[1];
        int consumed = integer(cps, pos, number);
        long width = consumed == 0 ? -1 : number[0];
        pos += consumed;
        int grouping = 0;
        if (end - pos >= 1 && cps[pos] == ',') {
            grouping = ',';
            pos++;
        }
        if (end - pos >= 1 && cps[pos] == '_') {
            if (grouping != 0) {
                throw PyErrors.value("Cannot specify both ',' and '_'.");
            }
            grouping = '_';
            pos++;
        }
        if (end - pos >= 1 && cps[pos] == ',' && grouping == '_') {
            throw PyErrors.value("Cannot specify both ',' and '_'.");
        }
        long precision = -1;
        if (end - pos >= 1 && cps[pos] == '.') {
            pos++;
            consumed = integer(cps, pos, number);
            if (consumed == 0) {
                throw PyErrors.value("Format specifier missing precision");
            }
            precision = number[0];
            pos += consumed;
        }
        if (end - pos > 1) {
            throw PyErrors.value("Invalid format specifier '" + spec + "' for object of type '" + typeName + "'");
        }
        int type = end - pos == 1 ? cps[pos] : defaultType;
        if (grouping != 0) {
            switch (type) {
                case 'd', 'e', 'f', 'g', 'E', 'G', '%', 'F', 0:
                    break;
                case 'b', 'o', 'x', 'X':
                    if (grouping == '_') {
                        break;
                    }
                    throw cannotGroup(grouping, type);
                default:
                    throw cannotGroup(grouping, type);
            }
        }
        return new FormatSpec(fill, align, sign, noNeg0, alternate, width, grouping, precision, type);
    }

    private static boolean isAlign(int c) {
        return c == '<' || c == '>' || c == '=' || c == '^';
    }

    /** Reads decimal digits at {@code pos} into {@code out[0]}; returns how many were read. */
    private static int integer(int[] cps, int pos, long[] out) {
        long acc = 0;
        int n = 0;
        while (pos + n < cps.length) {
            int c = cps[pos + n];
            if (Character.getType(c) != Character.DECIMAL_DIGIT_NUMBER) {
                break;
            }
            int digit = Character.digit(c, 10);
            if (acc > (Long.MAX_VALUE - digit) / 10) {
                throw PyErrors.value("Too many decimal digits in format string");
            }
            acc = acc * 10 + digit;
            n++;
        }
        out[0] = acc;
        return n;
    }

    private static RuntimeException cannotGroup(int grouping, int type) {
        return PyErrors.value("Cannot specify '" + (char) grouping + "' with " + typeText(type) + ".");
    }

    /** A presentation type as CPython quotes it in messages: {@code 'x'}, or {@code '\x1'} when unprintable. */
    static String typeText(int type) {
        return type > 32 && type < 128 ? "'" + (char) type + "'" : "'\\x" + Integer.toHexString(type) + "'";
    }

    static RuntimeException unknownType(int type, String typeName) {
        return PyErrors.value("Unknown format code " + typeText(type) + " for object of type '" + typeName + "'");
    }
}
