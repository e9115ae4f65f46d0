package dev.sluice.core.internal.embedded;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** initdb and pg_ctl for one data directory, run as the {@link OsUser} the server runs as. */
final class PgCtl {
    static final String LOG = "server.log";
    private static final long MAX_LOG_BYTES = 10L << 20;

    private final Path home;
    private final OsUser user;
    private final Path dataDir;

    PgCtl(Path home, OsUser user, Path dataDir) {
        this.home = requireNonNull(home, "home is null");
        this.user = requireNonNull(user, "user is null");
        this.dataDir = requireNonNull(dataDir, "dataDir is null");
    }

    /** Creates the cluster: superuser postgres, trust authentication, UTF-8, no locale. */
    void initdb() throws IOException, Failure {
        run("initdb", Duration.ofMinutes(2), bin("initdb"), "-A", "trust", "-U", "postgres", "-D", dataDir.toString(),
                "-E", "UTF-8", "--no-locale", "--no-sync");
    }

    /** Starts the server on 127.0.0.1:{@code port} (no Unix socket, no fsync) and waits until it accepts connections. */
    void start(int port) throws IOException, Failure {
        Path log = dataDir.resolve(LOG);
        if (Files.isRegularFile(log) && Files.size(log) > MAX_LOG_BYTES) {
            Files.move(log, dataDir.resolve(LOG + ".old"), StandardCopyOption.REPLACE_EXISTING);
        }
        String options = "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories='' -F";
        run("pg_ctl start", Duration.ofSeconds(90), bin("pg_ctl"), "-D", dataDir.toString(), "-o", options,
                "-l", log.toString(), "-w", "-t", "60", "start");
    }

    /** Stops the server, disconnecting its clients. */
    void stop() throws IOException, Failure {
        run("pg_ctl stop", Duration.ofSeconds(90), bin("pg_ctl"), "-D", dataDir.toString(), "-m", "fast", "-w", "-t",
                "60", "stop");
    }

    /** The last {@code lines} lines of server.log, or a note that there is none. */
    String logTail(int lines) {
        Path log = dataDir.resolve(LOG);
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no " + log + ")";
        }
    }

    private String bin(String name) {
        return home.resolve("bin").resolve(name).toString();
    }

    private void run(String what, Duration timeout, String... command) throws IOException, Failure {
        // cwd inside the data directory: as nobody, the caller's directory may be out of reach
        Path cwd = Files.isDirectory(dataDir) ? dataDir : null;
        Exec.Result r = Exec.run(user.command(new ArrayList<>(List.of(command))), cwd, timeout);
        if (!r.ok()) {
            throw new Failure(what + " exited with " + r.exitCode() + (r.output().isEmpty() ? "" : ": " + r.output()));
        }
    }

    /** A command that ran and failed. */
    static final class Failure extends Exception {
        Failure(String message) {
            super(message);
        }
    }
}
