package dev.sluice.core.internal.seed;

import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Hand-written seed files in a directory, and specs for them (seed name = file name without extension). */
final class TestingSeedFiles {
    private final Path dir;
    private final String schema;

    TestingSeedFiles(Path dir, String schema) {
        this.dir = dir;
        this.schema = schema;
    }

    TestingSeedFiles(Path dir) {
        this(dir, "seeds");
    }

    SeedSpec write(String fileName, String text) {
        return write(fileName, text.getBytes(StandardCharsets.UTF_8));
    }

    SeedSpec write(String fileName, byte[] bytes) {
        try {
            Files.write(dir.resolve(fileName), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = fileName.substring(0, fileName.indexOf('.'));
        return SeedSpec.of(name, dir.resolve(fileName), "seeds/" + fileName,
                Relation.of(null, schema, name, RelationType.TABLE));
    }

    /** Every record of a seed, as "line: v1|v2|..." with NULL as \N. */
    static List<String> rows(SeedSpec spec) {
        List<SeedRow> read = new ArrayList<>();
        int columns;
        try (SeedReader reader = SeedReader.open(spec)) {
            for (SeedRow row = reader.next(); row != null; row = reader.next()) {
                read.add(row);
            }
            columns = reader.columns().size();
        }
        List<String> out = new ArrayList<>();
        for (SeedRow row : read) {
            StringBuilder sb = new StringBuilder().append(row.line()).append(':');
            for (int i = 0; i < columns; i++) {
                String v = row.value(i);
                sb.append(i == 0 ? " " : "|").append(v == null ? "\\N" : v);
            }
            out.add(sb.toString());
        }
        return out;
    }

    static List<String> columns(SeedSpec spec) {
        try (SeedReader reader = SeedReader.open(spec)) {
            while (reader.next() != null) {
                // JSON columns are complete at the end
            }
            return List.copyOf(reader.columns());
        }
    }

    /** UTF-8 bytes of {@code before}, one raw byte, then UTF-8 bytes of {@code after}. */
    static byte[] withByte(String before, int raw, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[a.length + 1 + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        out[a.length] = (byte) raw;
        System.arraycopy(b, 0, out, a.length + 1, b.length);
        return out;
    }
}
