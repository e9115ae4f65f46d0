package dev.sluice.jinja.internal.lexer;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateSyntaxException;

/** Locating offsets in source text: line text and column for error messages. */
public final class SourceLines {
    private SourceLines() {
    }

    /** The text of 1-based line {@code line} of {@code source}, or null when out of range. */
    public static String lineText(String source, int line) {
        if (source == null || line < 1) {
            return null;
        }
        int start = 0;
        for (int l = 1; l < line; l++) {
            int nl = source.indexOf('\n', start);
            if (nl < 0) {
                return null;
            }
            start = nl + 1;
        }
        int end = source.indexOf('\n', start);
        return source.substring(start, end < 0 ? source.length() : end);
    }

    /** The 1-based column of {@code offset}, or 0 when unknown. */
    public static int column(String source, int offset) {
        if (source == null || offset < 0 || offset > source.length()) {
            return 0;
        }
        int lineStart = source.lastIndexOf('\n', offset - 1) + 1;
        return offset - lineStart + 1;
    }

    /** A syntax error at {@code offset} (or only {@code line} when offset is negative). */
    public static TemplateSyntaxException syntaxError(ErrorKind kind, String reason, String name, String source,
            int line, int offset) {
        int col = offset >= 0 ? column(source, offset) : 0;
        if (offset >= 0 && source != null) {
            int l = 1 + Lexer.countNewlines(source, 0, Math.min(offset, source.length()));
            if (l != line) {
                col = 0;
            }
        }
        return new TemplateSyntaxException(kind, reason, name, line, col, lineText(source, line));
    }
}
