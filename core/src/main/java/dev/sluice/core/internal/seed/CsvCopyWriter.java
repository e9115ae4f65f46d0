package dev.sluice.core.internal.seed;

/**
 * Encodes rows as PostgreSQL {@code COPY ... (FORMAT csv)} text with the default options: comma,
 * double quotes, NULL as an unquoted empty field. A value is quoted when it is empty (so an empty
 * string stays distinct from NULL), holds a comma, quote or line break, or starts with a
 * backslash (so no line can read as the {@code \.} end-of-data marker).
 */
final class CsvCopyWriter {
    private CsvCopyWriter() {
    }

    /** Appends one row and its line break; a null cell is NULL. */
    static void appendRow(StringBuilder out, String[] cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            appendValue(out, cells[i]);
        }
        out.append('\n');
    }

    static void appendValue(StringBuilder out, String v) {
        if (v == null) {
            return;
        }
        if (!needsQuotes(v)) {
            out.append(v);
            return;
        }
        out.append('"');
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '"') {
                out.append('"');
            }
            out.append(c);
        }
        out.append('"');
    }

    private static boolean needsQuotes(String v) {
        if (v.isEmpty() || v.charAt(0) == '\\') {
            return true;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }
}
