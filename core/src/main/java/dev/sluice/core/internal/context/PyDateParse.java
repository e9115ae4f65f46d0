package dev.sluice.core.internal.context;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Python's {@code datetime.strptime} and {@code fromisoformat}, with their ValueError messages. */
final class PyDateParse {
    private static final Pattern ISO = Pattern.compile("(\\d{4})(?:-(\\d\\d)-(\\d\\d)|(\\d\\d)(\\d\\d)|-?W(\\d\\d)-?(\\d))"
            + "(?:.(\\d\\d)(?::?(\\d\\d)(?::?(\\d\\d)(?:[.,](\\d+))?)?)?"
            + "(Z|[+-]\\d\\d(?::?\\d\\d(?::?\\d\\d(?:\\.\\d{1,6})?)?)?)?)?");
    private static final Pattern REGEX_SPECIAL = Pattern.compile("([\\\\.^$*+?(){}\\[\\]|])");

    private PyDateParse() {
    }

    /** {@code datetime.fromisoformat(s)}, or the date alone when {@code dateOnly}. */
    static Object fromIso(Object arg, boolean dateOnly) {
        String s = PyValues.str(arg);
        Matcher m = ISO.matcher(s);
        if (!m.matches() || (dateOnly && m.group(8) != null)) {
            throw PyValues.valueError("Invalid isoformat string: " + PyValues.repr(s));
        }
        LocalDate date;
        long year = Long.parseLong(m.group(1));
        if (m.group(6) != null) {
            date = isoWeekDate(year, Integer.parseInt(m.group(6)), Integer.parseInt(m.group(7)), s);
        } else {
            String mo = m.group(2) != null ? m.group(2) : m.group(4);
            String d = m.group(2) != null ? m.group(3) : m.group(5);
            date = PyDate.checked(year, Long.parseLong(mo), Long.parseLong(d));
        }
        if (dateOnly) {
            return new PyDate(date);
        }
        if (m.group(8) == null) {
            return new PyDateTime(date.atStartOfDay(), null);
        }
        String frac = m.group(11) == null ? "0" : (m.group(11) + "00000").substring(0, 6);
        LocalTime t = PyDateTime.checkedTime(Long.parseLong(m.group(8)), parseOr(m.group(9)), parseOr(m.group(10)),
                Long.parseLong(frac));
        return new PyDateTime(date.atTime(t), m.group(12) == null ? null : PyTimezone.of(offset(m.group(12)), null));
    }

    private static LocalDate isoWeekDate(long year, int week, int day, String s) {
        if (week < 1 || week > 53 || day < 1 || day > 7) {
            throw PyValues.valueError("Invalid isoformat string: " + PyValues.repr(s));
        }
        return LocalDate.of((int) year, 6, 1).with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week)
                .with(java.time.temporal.ChronoField.DAY_OF_WEEK, day);
    }

    private static long parseOr(String digits) {
        return digits == null ? 0 : Long.parseLong(digits);
    }

    private static ZoneOffset offset(String z) {
        if (z.equals("Z")) {
            return ZoneOffset.UTC;
        }
        String digits = z.substring(1).replace(":", "");
        int h = Integer.parseInt(digits.substring(0, 2));
        int mi = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        int se = digits.length() >= 6 ? Integer.parseInt(digits.substring(4, 6)) : 0;
        int total = h * 3600 + mi * 60 + se;
        if (total >= 86_400) {
            throw PyValues.valueError("offset must be a timedelta strictly between -timedelta(hours=24) and "
                    + "timedelta(hours=24).");
        }
        return ZoneOffset.ofTotalSeconds(z.charAt(0) == '-' ? -total : total);
    }

    /** {@code datetime.strptime(s, format)}. */
    static PyDateTime strptime(Object stringArg, Object formatArg) {
        String s = PyValues.str(stringArg);
        String format = PyValues.str(formatArg);
        Matcher m = regexFor(format).matcher(s);
        if (!m.lookingAt()) {
            throw PyValues.valueError("time data " + PyValues.repr(s) + " does not match format " + PyValues.repr(format));
        }
        if (m.end() != s.length()) {
            throw PyValues.valueError("unconverted data remains: " + s.substring(m.end()));
        }
        long year = 1900;
        String y = group(m, "Y");
        if (y != null) {
            year = Long.parseLong(y);
        } else if (group(m, "y") != null) {
            long yy = Long.parseLong(group(m, "y"));
            year = yy <= 68 ? 2000 + yy : 1900 + yy;
        }
        long month = group(m, "m") != null ? Long.parseLong(group(m, "m"))
                : group(m, "B") != null ? monthOf(group(m, "B")) : group(m, "b") != null ? monthOf(group(m, "b")) : 1;
        long day = group(m, "d") != null ? Long.parseLong(group(m, "d").trim()) : 1;
        long hour = group(m, "H") != null ? Long.parseLong(group(m, "H")) : 0;
        if (group(m, "I") != null) {
            hour = Long.parseLong(group(m, "I")) % 12;
            if (group(m, "p") != null && group(m, "p").equalsIgnoreCase("pm")) {
                hour += 12;
            }
        }
        long minute = group(m, "M") != null ? Long.parseLong(group(m, "M")) : 0;
        long second = group(m, "S") != null ? Long.parseLong(group(m, "S")) : 0;
        long micros = group(m, "f") != null ? Long.parseLong((group(m, "f") + "00000").substring(0, 6)) : 0;
        LocalDate date;
        if (group(m, "j") != null && group(m, "m") == null && group(m, "d") == null) {
            date = PyDate.inRange(LocalDate.of((int) year, 1, 1).plusDays(Long.parseLong(group(m, "j")) - 1));
        } else {
            date = PyDate.checked(year, month, day);
        }
        if (second == 60 || second == 61) {
            second = 59;
        }
        LocalDateTime local = date.atTime(PyDateTime.checkedTime(hour, minute, second, micros));
        String z = group(m, "z");
        if (z == null) {
            return new PyDateTime(local, null);
        }
        String name = group(m, "Z");
        return new PyDateTime(local, PyTimezone.of(offset(z.length() > 9 ? z.substring(0, 9) : z), name));
    }

    private static String group(Matcher m, String directive) {
        try {
            return m.group(groupName(directive.charAt(0)));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String groupName(char directive) {
        return Character.isUpperCase(directive) ? "U" + directive : "L" + directive;
    }

    private static long monthOf(String name) {
        for (int i = 0; i < 12; i++) {
            if (PyTimeFormat.MONTHS[i].regionMatches(true, 0, name, 0, name.length())) {
                return i + 1;
            }
        }
        throw new IllegalStateException(name);
    }

    private static Pattern regexFor(String format) {
        String escaped = REGEX_SPECIAL.matcher(format).replaceAll("\\\\$1").replaceAll("\\s+", "\\\\s+");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c != '%') {
                sb.append(c);
                continue;
            }
            if (i + 1 >= escaped.length()) {
                throw PyValues.valueError("stray % in format " + PyValues.repr(format));
            }
            char d = escaped.charAt(++i);
            String body = directive(d);
            if (body == null) {
                throw PyValues.valueError(PyValues.repr(String.valueOf(d)) + " is a bad directive in format "
                        + PyValues.repr(format));
            }
            sb.append(d == '%' ? "%" : "(?<" + groupName(d) + ">" + body + ")");
        }
        try {
            return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
        } catch (PatternSyntaxException e) {
            throw PyValues.valueError("Cannot use format " + PyValues.repr(format) + ": " + e.getDescription());
        }
    }

    private static String directive(char d) {
        return switch (d) {
            case 'd' -> "3[01]|[12]\\d|0[1-9]|[1-9]| [1-9]";
            case 'f' -> "[0-9]{1,6}";
            case 'H' -> "2[0-3]|[0-1]\\d|\\d";
            case 'I', 'm' -> "1[0-2]|0[1-9]|[1-9]";
            case 'j' -> "36[0-6]|3[0-5]\\d|[12]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9]";
            case 'M' -> "[0-5]\\d|\\d";
            case 'S' -> "6[0-1]|[0-5]\\d|\\d";
            case 'w' -> "[0-6]";
            case 'u' -> "[1-7]";
            case 'y' -> "\\d\\d";
            case 'Y' -> "\\d\\d\\d\\d";
            case 'z' -> "[+-]\\d\\d:?[0-5]\\d(?::?[0-5]\\d(?:\\.\\d{1,6})?)?|(?-i:Z)";
            case 'Z' -> "utc|gmt";
            case 'p' -> "am|pm";
            case 'a' -> names(PyTimeFormat.DAYS, 3);
            case 'A' -> names(PyTimeFormat.DAYS, 0);
            case 'b' -> names(PyTimeFormat.MONTHS, 3);
            case 'B' -> names(PyTimeFormat.MONTHS, 0);
            case '%' -> "%";
            default -> null;
        };
    }

    private static String names(String[] full, int length) {
        return String.join("|", Arrays.stream(full).map(n -> length == 0 ? n : n.substring(0, length))
                .sorted(Comparator.comparingInt(String::length).reversed()).toList());
    }
}
