package dev.sluice.core.internal.seed;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Reads the records of a seed file in order, checking its syntax as it goes; problems are
 * {@link dev.sluice.core.api.SluiceException}s naming the file, line and column.
 */
interface SeedReader extends Closeable {
    /** Opens the seed's file with the reader its extension calls for. */
    static SeedReader open(SeedSpec spec) {
        InputStream in;
        try {
            in = SeedProgress.track(Files.newInputStream(spec.path()));
        } catch (NoSuchFileException e) {
            throw SeedErrors.at(spec, "read", Position.UNKNOWN, "the file does not exist (" + spec.path() + ")", e);
        } catch (IOException e) {
            throw SeedErrors.at(spec, "read", Position.UNKNOWN, "cannot read the file: " + e.getMessage(), e);
        }
        try {
            return switch (spec.format()) {
                case CSV -> new CsvSeedReader(spec, in);
                case JSON -> new JsonSeedReader(spec, in, false);
                case JSON_LINES -> new JsonSeedReader(spec, in, true);
            };
        } catch (RuntimeException e) {
            closeQuietly(in, e);
            throw e;
        }
    }

    /** Column names as written: the CSV header, or JSON keys in first-seen order (complete at the end). */
    List<String> columns();

    /** Where column {@code index}'s name is written (a header field, or a key's first appearance). */
    Position columnPosition(int index);

    /** True when {@link #columns()} is complete before the first row (CSV). */
    boolean columnsKnownUpFront();

    /** True when COPY may read this file's text as it is, rather than rows re-encoded (see {@link CsvSeedReader}). */
    default boolean copyableAsIs() {
        return false;
    }

    /** The next record, or null after the last. */
    SeedRow next();

    @Override
    void close();

    private static void closeQuietly(InputStream in, RuntimeException failure) {
        try {
            in.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
