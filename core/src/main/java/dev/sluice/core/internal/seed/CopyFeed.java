package dev.sluice.core.internal.seed;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.io.Reader;

/**
 * The second pass: a {@link Reader} that pulls records from a {@link SeedReader} as COPY reads,
 * so a file of any size streams through a buffer of about 32k characters. CSV fields that mean
 * NULL ({@link TypeInference#isNull}) become NULL; JSON strings in a JSON column become JSON
 * string literals. A failure of the file itself is kept for {@link #failure()}, as the driver
 * reports it wrapped in a COPY error.
 */
final class CopyFeed extends Reader {
    private static final int CHUNK = 1 << 15;

    private final SeedSpec spec;
    private final SeedReader rows;
    private final boolean[] json;
    private final String[] cells;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 1024);
    private int position;
    private RuntimeException failure;

    /** {@code json}: per column, whether it is a JSON column. */
    CopyFeed(SeedSpec spec, SeedReader rows, boolean[] json) {
        this.spec = spec;
        this.rows = rows;
        this.json = json.clone();
        this.cells = new String[json.length];
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
        if (position == buffer.length() && !refill()) {
            return -1;
        }
        int n = Math.min(len, buffer.length() - position);
        buffer.getChars(position, position + n, cbuf, off);
        position += n;
        return n;
    }

    private boolean refill() {
        buffer.setLength(0);
        position = 0;
        try {
            while (buffer.length() < CHUNK) {
                SeedRow row = rows.next();
                if (row == null) {
                    break;
                }
                encode(row);
            }
        } catch (RuntimeException e) {
            failure = e;
            throw e;
        }
        return buffer.length() > 0;
    }

    private void encode(SeedRow row) {
        if (row.values().length > cells.length) {
            throw SeedErrors.at(spec, "changed", new Position(row.line(), row.column()),
                    "the file changed while it was loading (this record has a key the first pass did not see); load it again");
        }
        for (int i = 0; i < cells.length; i++) {
            cells[i] = copyValue(row.value(i), row.value(i) == null ? null : row.kind(i), json[i]);
        }
        CsvCopyWriter.appendRow(buffer, cells);
    }

    static String copyValue(String raw, ValueKind kind, boolean jsonColumn) {
        if (raw == null || (kind == ValueKind.CSV_TEXT && TypeInference.isNull(raw))) {
            return null;
        }
        if (jsonColumn && kind == ValueKind.JSON_STRING) {
            return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(raw)) + '"';
        }
        return raw;
    }

    /** The file's own failure during the COPY, or null. */
    RuntimeException failure() {
        return failure;
    }

    @Override
    public void close() {
        rows.close();
    }
}
