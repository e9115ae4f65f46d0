package dev.sluice.core.internal.seed;

import java.util.ArrayList;
import java.util.List;

/** Where each field of a CSV header starts, found by re-reading the header's text. */
final class HeaderPositions {
    private HeaderPositions() {
    }

    /**
     * @param text the file's first characters
     * @param start where the header record starts in {@code text}
     * @param at the line and column of {@code start}
     */
    static List<Position> of(String text, long start, char delimiter, char quote, int count, Position at) {
        List<Position> out = new ArrayList<>(count);
        out.add(at);
        int line = at.line();
        int column = at.column();
        boolean quoted = false;
        for (int i = (int) start; i < text.length() && out.size() < count; i++) {
            char c = text.charAt(i);
            column++;
            if (c == quote) {
                quoted = !quoted;
            } else if (c == delimiter && !quoted) {
                out.add(new Position(line, column));
            } else if (c == '\n' || c == '\r') {
                if (!quoted) {
                    break;
                }
                if (c == '\n') {
                    line++;
                    column = 0;
                }
            }
        }
        while (out.size() < count) {
            out.add(new Position(at.line(), 0));
        }
        return out;
    }
}
