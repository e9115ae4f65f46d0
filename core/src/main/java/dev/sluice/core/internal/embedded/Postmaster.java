package dev.sluice.core.internal.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A server's {@code postmaster.pid}: its process id, port and status line ({@code ready},
 * {@code starting}, {@code stopping}), as PostgreSQL writes it into the data directory.
 */
record Postmaster(long pid, int port, String status) {
    static final String FILE = "postmaster.pid";

    static Optional<Postmaster> read(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(FILE));
            if (lines.size() < 4) {
                return Optional.empty(); // being written
            }
            String status = lines.size() >= 8 ? lines.get(7).trim() : "";
            return Optional.of(new Postmaster(Long.parseLong(lines.get(0).trim()), Integer.parseInt(lines.get(3).trim()),
                    status));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** True when the process lives and looks like a PostgreSQL server (not a recycled pid). */
    boolean alive() {
        return ProcessHandle.of(pid)
                .filter(ProcessHandle::isAlive)
                .map(h -> h.info().command().map(c -> c.endsWith("postgres")).orElse(true))
                .orElse(false);
    }

    boolean ready() {
        return status.equals("ready");
    }
}
