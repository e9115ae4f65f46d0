package dev.sluice.core.internal.seed;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.seed.RowLocator.Shown;
import dev.sluice.core.internal.seed.SeedScan.ScannedColumn;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Places a database error during a seed load in the seed file. COPY's error context names a line
 * of the data stream and often the column and value ({@code COPY t, line 42, column id: "abc"});
 * {@link RowLocator} finds the seed record it means.
 */
final class CopyErrors {
    private static final Pattern CONTEXT = Pattern.compile(
            "COPY .*?, line (\\d+)(?:, column (.*?))?(?:: (?:\"(.*)\"|(null input)))?$", Pattern.DOTALL);

    private CopyErrors() {
    }

    /** {@code asIs}: COPY read the file's own text; else re-encoded records. */
    static SluiceException map(RuntimeException e, SeedSpec spec, SeedScan scan, String doing, boolean asIs) {
        if (!(e instanceof DatabaseException de)) {
            return e instanceof SluiceException se ? se : SluiceException.internal(
                    SeedErrors.message(spec, doing + " failed: " + e), e);
        }
        String reason = serverMessage(e);
        Matcher m = CONTEXT.matcher(where(e).strip());
        if (!m.find()) {
            return de.relocate(Location.of(spec.originalFilePath()), SeedErrors.message(spec, doing + ": " + reason
                    + state(de)));
        }
        String column = m.group(2);
        int index = -1;
        boolean[] json = new boolean[scan.columns().size()];
        for (int i = 0; i < json.length; i++) {
            ScannedColumn c = scan.columns().get(i);
            json[i] = c.inferred() == SeedColumnType.JSON;
            if (c.name().equals(column)) {
                index = i;
            }
        }
        Shown shown = m.group(4) != null ? Shown.NULL : m.group(3) != null && index >= 0 ? Shown.text(m.group(3)) : Shown.NOTHING;
        Position at = RowLocator.find(spec, asIs, json, Long.parseLong(m.group(1)), index, shown);
        StringBuilder message = new StringBuilder(reason);
        if (column != null) {
            message.append(" (column ").append(SeedErrors.show(column));
            if (index >= 0 && scan.columns().get(index).declaredType() != null) {
                message.append(", typed ").append(scan.columns().get(index).declaredType()).append(" by column_types");
            }
            message.append(')');
        }
        message.append(state(de));
        return de.relocate(SeedErrors.location(spec, at), SeedErrors.message(spec, message.toString()));
    }

    /** " (SQLSTATE 22P02)": the server's code, for looking the error up. */
    static String state(DatabaseException e) {
        return e.sqlState() == null ? "" : " (SQLSTATE " + e.sqlState() + ")";
    }

    /** The server's own message, without the driver's decorations. */
    static String serverMessage(RuntimeException e) {
        ServerErrorMessage sem = server(e);
        if (sem != null && sem.getMessage() != null) {
            return sem.getMessage();
        }
        String m = e instanceof SluiceException se ? se.reason() : String.valueOf(e.getMessage());
        int newline = m.indexOf('\n');
        return newline < 0 ? m : m.substring(0, newline);
    }

    private static String where(RuntimeException e) {
        ServerErrorMessage sem = server(e);
        if (sem != null && sem.getWhere() != null) {
            return sem.getWhere();
        }
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null && all.length() < 100_000; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }

    private static ServerErrorMessage server(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof PSQLException p && p.getServerErrorMessage() != null) {
                return p.getServerErrorMessage();
            }
        }
        return null;
    }
}
