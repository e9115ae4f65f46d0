package dev.sluice.core.internal.seed;

import dev.sluice.core.internal.seed.SeedScan.ScannedColumn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The first pass over a seed file: checks every record and infers each column's type. */
final class SeedScanner {
    private final SeedSpec spec;
    private SeedColumnType[] types = new SeedColumnType[0];
    private Position[] decidedAt = new Position[0];
    private String[] deciding = new String[0];
    private boolean[] declared = new boolean[0];
    private boolean asIs = true;

    private SeedScanner(SeedSpec spec) {
        this.spec = spec;
    }

    static SeedScan scan(SeedSpec spec) {
        return new SeedScanner(spec).run();
    }

    private SeedScan run() {
        try (SeedReader reader = SeedReader.open(spec)) {
            List<String> names = reader.columnsKnownUpFront() ? ColumnNames.resolve(spec, reader) : null;
            long rows = 0;
            for (SeedRow row = reader.next(); row != null; row = reader.next()) {
                rows++;
                grow(reader.columns());
                for (int i = 0; i < row.values().length; i++) {
                    String v = row.values()[i];
                    if (v != null) {
                        take(reader, row, i, v);
                    }
                }
            }
            grow(reader.columns());
            if (names == null) {
                names = ColumnNames.resolve(spec, reader);
            }
            return result(reader.columns(), names, rows, asIs && reader.copyableAsIs());
        }
    }

    private void take(SeedReader reader, SeedRow row, int i, String v) {
        if (v.indexOf('\0') >= 0) {
            throw SeedErrors.at(spec, "nul", new Position(row.line(), 0), "the value of column "
                    + SeedErrors.show(reader.columns().get(i)) + " holds a NUL character (\\0), which PostgreSQL"
                    + " cannot store in text; remove it");
        }
        if (asIs && !copiesAsIs(v, row.kind(i))) {
            asIs = false;
        }
        if (declared[i]) {
            return;
        }
        SeedColumnType t = TypeInference.classify(v, row.kind(i));
        SeedColumnType merged = SeedColumnType.merge(types[i], t);
        if (merged != types[i]) {
            types[i] = merged;
            decidedAt[i] = new Position(row.line(), row.column());
            deciding[i] = v;
        }
    }

    /**
     * True when PostgreSQL's CSV parser reads the field as Sluice does: no quote character (a quote
     * inside an unquoted field opens quoting there), no leading {@code \.} (end of data), and not
     * a spelling of NULL that COPY would take as a value.
     */
    private static boolean copiesAsIs(String v, ValueKind kind) {
        return kind == ValueKind.CSV_TEXT && v.indexOf('"') < 0 && !v.startsWith("\\.")
                && (v.isEmpty() || !TypeInference.isNull(v));
    }

    private void grow(List<String> headers) {
        int old = types.length;
        if (headers.size() > old) {
            types = Arrays.copyOf(types, headers.size());
            decidedAt = Arrays.copyOf(decidedAt, headers.size());
            deciding = Arrays.copyOf(deciding, headers.size());
            declared = Arrays.copyOf(declared, headers.size());
            for (int i = old; i < headers.size(); i++) {
                declared[i] = declaredType(headers.get(i)) != null;
            }
        }
    }

    /** The {@code column_types} entry for a column: keyed by the name as written (as dbt), or as in the table. */
    private String declaredType(String header) {
        String t = spec.columnTypes().get(header);
        return t != null ? t : spec.columnTypes().get(ColumnNames.name(spec, header));
    }

    private SeedScan result(List<String> headers, List<String> names, long rows, boolean copyAsIs) {
        List<ScannedColumn> columns = new ArrayList<>(headers.size());
        Set<String> unused = new LinkedHashSet<>(spec.columnTypes().keySet());
        for (int i = 0; i < headers.size(); i++) {
            String declaredType = declaredType(headers.get(i));
            unused.remove(headers.get(i));
            unused.remove(names.get(i));
            SeedColumnType inferred = declaredType != null ? null : types[i] == null ? SeedColumnType.TEXT : types[i];
            columns.add(new ScannedColumn(headers.get(i), names.get(i), declaredType, inferred,
                    decidedAt[i] == null ? Position.UNKNOWN : decidedAt[i], deciding[i]));
        }
        return new SeedScan(columns, rows, new ArrayList<>(unused), copyAsIs);
    }
}
