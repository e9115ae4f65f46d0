package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

/**
 * Where a problem is: a file (relative to the project directory where possible) and, when known,
 * a 1-based line and column (0 when unknown).
 */
public record Location(String file, int line, int column) {
    public Location {
        requireNonNull(file, "file is null");
    }

    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    public static Location of(String file, int line) {
        return new Location(file, line, 0);
    }

    /** {@code file}, {@code file:line} or {@code file:line:column}. */
    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column <= 0 ? file + ":" + line : file + ":" + line + ":" + column;
    }
}
