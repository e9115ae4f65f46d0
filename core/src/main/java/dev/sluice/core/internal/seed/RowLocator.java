package dev.sluice.core.internal.seed;

/**
 * Finds the seed record a COPY error names, by reading the file again. PostgreSQL's "line N"
 * counts the stream's physical lines, including line breaks inside quoted values, except those
 * before the stream's first line break (it does not know the line-break style yet), and points at
 * the line where the failing record ends. The candidate is checked against the value the error
 * quotes; when they disagree the line is left unknown rather than guessed.
 */
final class RowLocator {
    private RowLocator() {
    }

    /**
     * @param asIs COPY read the file's own text (header first) rather than re-encoded records
     * @param json per column, whether it is a JSON column (its values are written without line breaks)
     * @param column the failing column's index, or -1
     * @param line the line number the error context gives
     * @param shown what the error context quotes of the failing value
     */
    static Position find(SeedSpec spec, boolean asIs, boolean[] json, long line, int column, Shown shown) {
        try (SeedReader reader = SeedReader.open(spec)) {
            SeedRow candidate = null;
            long counted = 0;
            long records = 0;
            for (SeedRow row = reader.next(); row != null; row = reader.next()) {
                if (asIs) {
                    if (row.line() > line) {
                        break;
                    }
                    candidate = row;
                } else {
                    counted += 1 + (++records == 1 ? 0 : lineBreaks(row, json));
                    if (counted >= line) {
                        candidate = row;
                        break;
                    }
                }
            }
            if (candidate == null || !shown.matches(written(candidate, column, json))) {
                return Position.UNKNOWN;
            }
            return new Position(candidate.line(), reader.columnsKnownUpFront() ? 0 : candidate.column());
        } catch (RuntimeException e) {
            return Position.UNKNOWN; // the file broke since it was read; the COPY error is still worth reporting
        }
    }

    private static long lineBreaks(SeedRow row, boolean[] json) {
        long n = 0;
        for (int i = 0; i < json.length; i++) {
            String v = row.value(i);
            if (v != null && !json[i]) {
                for (int j = v.indexOf('\n'); j >= 0; j = v.indexOf('\n', j + 1)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static String written(SeedRow row, int column, boolean[] json) {
        if (column < 0) {
            return null;
        }
        String raw = row.value(column);
        return CopyFeed.copyValue(raw, raw == null ? null : row.kind(column), json[column]);
    }

    /** What the error context says of the failing value. */
    record Shown(boolean known, boolean isNull, String text) {
        static final Shown NOTHING = new Shown(false, false, null);
        static final Shown NULL = new Shown(true, true, null);

        static Shown text(String text) {
            return new Shown(true, false, text);
        }

        /** PostgreSQL shows at most 100 bytes of a value, then "...". */
        boolean matches(String written) {
            if (!known) {
                return true;
            }
            if (isNull || written == null) {
                return isNull && written == null;
            }
            return written.equals(text)
                    || (text.endsWith("...") && written.startsWith(text.substring(0, text.length() - 3)));
        }
    }
}
