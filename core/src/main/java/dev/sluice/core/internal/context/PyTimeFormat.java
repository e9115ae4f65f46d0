package dev.sluice.core.internal.context;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;

/**
 * Python's {@code strftime} as it behaves on Linux: glibc's C-locale directives, with Python's
 * own {@code %f}, {@code %z} and {@code %Z} (empty for a naive value), and glibc's {@code -}
 * flag that drops padding ({@code %-d}). An unknown directive prints as written.
 */
final class PyTimeFormat {
    static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};

    private PyTimeFormat() {
    }

    static String strftime(LocalDateTime t, PyTzInfo tz, String fmt) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                sb.append(c);
                continue;
            }
            boolean unpadded = fmt.charAt(i + 1) == '-' && i + 2 < fmt.length();
            char d = fmt.charAt(unpadded ? i + 2 : i + 1);
            String out = directive(t, tz, d);
            if (out == null) {
                sb.append(c);
                continue;
            }
            i += unpadded ? 2 : 1;
            sb.append(unpadded ? stripPadding(out) : out);
        }
        return sb.toString();
    }

    private static String stripPadding(String s) {
        int i = 0;
        while (i < s.length() - 1 && (s.charAt(i) == '0' || s.charAt(i) == ' ')) {
            i++;
        }
        return s.substring(i);
    }

    private static String directive(LocalDateTime t, PyTzInfo tz, char d) {
        int dow = t.getDayOfWeek().getValue();
        int yday = t.getDayOfYear();
        return switch (d) {
            case 'a' -> DAYS[dow - 1].substring(0, 3);
            case 'A' -> DAYS[dow - 1];
            case 'b', 'h' -> MONTHS[t.getMonthValue() - 1].substring(0, 3);
            case 'B' -> MONTHS[t.getMonthValue() - 1];
            case 'c' -> strftime(t, tz, "%a %b %e %H:%M:%S %Y");
            case 'C' -> two(t.getYear() / 100);
            case 'd' -> two(t.getDayOfMonth());
            case 'D' -> strftime(t, tz, "%m/%d/%y");
            case 'e' -> pad(t.getDayOfMonth(), ' ');
            case 'f' -> String.format("%06d", t.getNano() / 1000);
            case 'F' -> strftime(t, tz, "%Y-%m-%d");
            case 'g' -> two(t.get(IsoFields.WEEK_BASED_YEAR) % 100);
            case 'G' -> String.valueOf(t.get(IsoFields.WEEK_BASED_YEAR));
            case 'H' -> two(t.getHour());
            case 'I' -> two((t.getHour() + 11) % 12 + 1);
            case 'j' -> String.format("%03d", yday);
            case 'k' -> pad(t.getHour(), ' ');
            case 'l' -> pad((t.getHour() + 11) % 12 + 1, ' ');
            case 'm' -> two(t.getMonthValue());
            case 'M' -> two(t.getMinute());
            case 'n' -> "\n";
            case 'p' -> t.getHour() < 12 ? "AM" : "PM";
            case 'P' -> t.getHour() < 12 ? "am" : "pm";
            case 'r' -> strftime(t, tz, "%I:%M:%S %p");
            case 'R' -> strftime(t, tz, "%H:%M");
            case 's' -> String.valueOf(t.atZone(java.time.ZoneId.systemDefault()).toEpochSecond());
            case 'S' -> two(t.getSecond());
            case 't' -> "\t";
            case 'T', 'X' -> strftime(t, tz, "%H:%M:%S");
            case 'u' -> String.valueOf(dow);
            case 'U' -> two((yday + 6 - dow % 7) / 7);
            case 'V' -> two(t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case 'w' -> String.valueOf(dow % 7);
            case 'W' -> two((yday + 6 - (dow - 1)) / 7);
            case 'x' -> strftime(t, tz, "%m/%d/%y");
            case 'y' -> two(t.getYear() % 100);
            case 'Y' -> String.valueOf(t.getYear());
            case 'z' -> tz == null ? "" : PyTzInfo.formatOffset(tz.offset(t), "");
            case 'Z' -> tz == null ? "" : tz.tzname(t);
            case '%' -> "%";
            default -> null;
        };
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : String.valueOf(n);
    }

    private static String pad(int n, char with) {
        return n < 10 ? with + String.valueOf(n) : String.valueOf(n);
    }

    /** How isoformat prints a time of day for {@code timespec}. */
    static String isoTime(LocalDateTime t, String timespec) {
        int us = t.getNano() / 1000;
        String hms = String.format("%02d:%02d:%02d", t.getHour(), t.getMinute(), t.getSecond());
        return switch (timespec) {
            case "auto" -> us == 0 ? hms : hms + String.format(".%06d", us);
            case "hours" -> hms.substring(0, 2);
            case "minutes" -> hms.substring(0, 5);
            case "seconds" -> hms;
            case "milliseconds" -> hms + String.format(".%03d", us / 1000);
            case "microseconds" -> hms + String.format(".%06d", us);
            default -> throw PyValues.valueError("Unknown timespec value");
        };
    }

    /** {@code +HH:MM} for isoformat and str, or "" for a naive value. */
    static String isoOffset(PyTzInfo tz, LocalDateTime t) {
        if (tz == null) {
            return "";
        }
        ZoneOffset o = tz.offset(t);
        return PyTzInfo.formatOffset(o, ":");
    }
}
