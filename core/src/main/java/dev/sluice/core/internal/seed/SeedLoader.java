package dev.sluice.core.internal.seed;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.internal.seed.SeedScan.ScannedColumn;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Column;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Loads one seed, atomically. The file is read twice: first to check it and infer column types
 * (a bad file fails here, before the database is touched), then streamed into {@code COPY}:
 * the file's own text when it is clean CSV ({@link SeedScan#copyAsIs()}), else its records
 * re-encoded ({@link CopyFeed}).
 * <ul>
 * <li>No table yet, or {@code --full-refresh}: in one transaction, create the table under a
 * temporary name, COPY into it, drop the old relation (with what depends on it, as dbt does on a
 * full refresh) and rename the new table into place.</li>
 * <li>The table exists: as dbt, keep it (with its grants and dependent views) and, in one
 * transaction, empty it and COPY into it, provided it still fits the file ({@link TableFit});
 * otherwise fail and ask for {@code --full-refresh}, rather than let {@code 007} become 7.</li>
 * </ul>
 * Any failure rolls the transaction back: the previous table and its rows stay as they were.
 *
 * <pre>{@code
 * LoadResult r = adapter.withConnection(c -> new SeedLoader().load(c, adapter.dialect(), spec));
 * }</pre>
 */
public final class SeedLoader {
    public LoadResult load(AdapterConnection connection, Dialect dialect, SeedSpec spec) {
        SeedScan scan = SeedScanner.scan(spec);
        Relation target = spec.target().withType(RelationType.TABLE);
        Optional<Relation> existing = database(spec, "cannot look up " + target, () ->
                connection.getRelation(target.database(), target.schema(), target.identifier()));
        if (existing.isPresent() && !spec.fullRefresh()) {
            return refill(connection, dialect, spec, scan, existing.get());
        }
        return rebuild(connection, dialect, spec, scan, target, existing);
    }

    private LoadResult rebuild(AdapterConnection connection, Dialect dialect, SeedSpec spec, SeedScan scan,
            Relation target, Optional<Relation> existing) {
        List<String> names = new ArrayList<>();
        List<SeedColumn> columns = new ArrayList<>();
        for (ScannedColumn c : scan.columns()) {
            String type = c.declaredType() != null ? c.declaredType() : c.inferred().sqlType(dialect);
            names.add(c.name());
            columns.add(new SeedColumn(c.name(), type, c.declaredType() != null));
        }
        Relation temp = target.withIdentifier(SeedSql.tempIdentifier(target.identifier()));
        database(spec, "cannot create schema " + target.schema(), () ->
                connection.execute(dialect.createSchema(target.database(), target.schema())));
        long rows = connection.inTransaction(tx -> {
            database(spec, "cannot create " + temp, () -> {
                tx.execute(dialect.drop(temp));
                return tx.execute(SeedSql.createTable(dialect, temp, names,
                        columns.stream().map(SeedColumn::type).toList()));
            });
            long n = copy(tx, dialect, spec, scan, temp);
            database(spec, "cannot replace " + target, () -> {
                existing.ifPresent(old -> tx.execute(dialect.drop(old)));
                return tx.execute(dialect.rename(temp, target.identifier()));
            });
            return n;
        });
        return new LoadResult(target, rows, columns, true, scan.ignoredColumnTypes());
    }

    private LoadResult refill(AdapterConnection connection, Dialect dialect, SeedSpec spec, SeedScan scan,
            Relation table) {
        if (table.type() != RelationType.TABLE) {
            throw SeedErrors.at(spec, "relation", Position.UNKNOWN, table + " is a "
                    + table.type().dbtName().replace('_', ' ') + ", not a table; run with --full-refresh to replace it");
        }
        List<Column> have = database(spec, "cannot read the columns of " + table, () -> connection.columns(table));
        String misfit = TableFit.mismatch(have, scan);
        if (misfit != null) {
            throw SeedErrors.at(spec, "changed", Position.UNKNOWN, "table " + table + " no longer fits the file: "
                    + misfit + "; run with --full-refresh to rebuild it");
        }
        long rows = connection.inTransaction(tx -> {
            database(spec, "cannot empty " + table, () -> tx.execute(SeedSql.truncate(dialect, table)));
            return copy(tx, dialect, spec, scan, table);
        });
        List<SeedColumn> columns = new ArrayList<>();
        for (int i = 0; i < have.size(); i++) {
            columns.add(new SeedColumn(have.get(i).name(), have.get(i).dataType(),
                    scan.columns().get(i).declaredType() != null));
        }
        return new LoadResult(table, rows, columns, false, scan.ignoredColumnTypes());
    }

    private long copy(AdapterConnection tx, Dialect dialect, SeedSpec spec, SeedScan scan, Relation table) {
        List<String> names = scan.columns().stream().map(ScannedColumn::name).toList();
        String doing = "cannot copy into " + table;
        if (scan.copyAsIs()) {
            try (TrackedReader text = new TrackedReader(open(spec), spec, false)) {
                try {
                    return tx.copyIn(SeedSql.copyAsIs(dialect, table, names, spec.delimiter()), text);
                } catch (RuntimeException e) {
                    throw text.failure() != null ? text.failure() : CopyErrors.map(e, spec, scan, doing, true);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        boolean[] json = new boolean[names.size()];
        for (int i = 0; i < json.length; i++) {
            json[i] = scan.columns().get(i).inferred() == SeedColumnType.JSON;
        }
        try (CopyFeed feed = new CopyFeed(spec, SeedReader.open(spec), json)) {
            try {
                return tx.copyIn(SeedSql.copy(dialect, table, names), feed);
            } catch (RuntimeException e) {
                throw feed.failure() != null ? feed.failure() : CopyErrors.map(e, spec, scan, doing, false);
            }
        }
    }

    private static InputStream open(SeedSpec spec) {
        try {
            return SeedProgress.track(Files.newInputStream(spec.path()));
        } catch (IOException e) {
            throw SeedErrors.at(spec, "read", Position.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
        }
    }

    /** Runs database work, placing a database failure at the seed file. */
    private static <T> T database(SeedSpec spec, String doing, Work<T> work) {
        try {
            return work.run();
        } catch (DatabaseException e) {
            throw e.relocate(Location.of(spec.originalFilePath()), SeedErrors.message(spec, doing + ": " + CopyErrors.serverMessage(e)
                    + CopyErrors.state(e)));
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run();
    }
}
