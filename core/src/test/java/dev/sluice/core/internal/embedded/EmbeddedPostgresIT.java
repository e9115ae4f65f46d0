package dev.sluice.core.internal.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.sluice.core.TestingDatabase;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.postgres.PostgresAdapterFactory;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.TargetConfig;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Embedded PostgreSQL in a project directory: root handling, persistence, sharing, stopping. */
class EmbeddedPostgresIT {
    static TargetConfig embeddedTarget() {
        return new TargetConfig("sluice", "default", "postgres",
                Map.of("embedded", true, "dbname", "sluice", "schema", "main", "threads", 2), null);
    }

    /** Shared by tests that leave the server stopped and the cluster intact: initdb runs once. */
    private static Path shared;
    private Path project;
    private Path isolated;

    @BeforeAll
    static void createSharedProject() throws IOException {
        shared = Files.createDirectories(newProjectPath());
    }

    @AfterAll
    static void deleteSharedProject() throws IOException {
        delete(shared);
    }

    @BeforeEach
    void useSharedProject() {
        project = shared;
    }

    @AfterEach
    void deleteIsolatedProject() throws IOException {
        if (isolated != null) {
            delete(isolated);
        }
    }

    /** A project of this test's own, for tests that damage it. */
    private void isolate() throws IOException {
        isolated = Files.createDirectories(newProjectPath());
        project = isolated;
    }

    private static Path newProjectPath() {
        return TestingDatabase.scratchDirectory("embedded-it").resolve(UUID.randomUUID().toString().substring(0, 8));
    }

    private static void delete(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Test
    void keepsDataAcrossAdaptersAndStopsWhenClosed() throws Exception {
        Path data = project.resolve(".sluice/postgres");
        int port;
        try (Adapter first = open()) {
            assertThat(first.describe()).startsWith("PostgreSQL 17").endsWith("/sluice (embedded)");
            Postmaster server = Postmaster.read(data).orElseThrow();
            port = server.port();
            if (OsUser.current().root()) { // PostgreSQL refuses root: it must run as nobody
                assertThat(ProcessHandle.of(server.pid()).flatMap(h -> h.info().user())).contains("nobody");
            }
            first.withConnection(c -> c.execute(
                    "create schema if not exists main; create table main.kept as select 42 as answer"));
        }
        assertThat(Postmaster.read(data)).isEmpty();
        assertThat(accepts(port)).isFalse();
        assertThat(project.resolve(".sluice/.gitignore")).content().contains("*");

        try (Adapter second = open()) {
            assertThat(second.withConnection(c -> c.query("select answer from main.kept")).rows())
                    .containsExactly(List.of(42));
            assertThat(Postmaster.read(data).orElseThrow().port()).isEqualTo(port); // the recorded port, again
        }
        assertThat(Postmaster.read(data)).isEmpty();
    }

    @Test
    void secondAdapterInTheSameJvmSharesTheServer() {
        Adapter first = open();
        Adapter second;
        try {
            second = open();
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
        try (second) {
            assertThat(second.describe()).isEqualTo(first.describe());
            first.withConnection(c -> c.execute("create table public.shared as select 1 as one"));
            assertThat(second.withConnection(c -> c.query("select one from public.shared")).rows()).hasSize(1);
            first.close();
            // the other adapter still has its server
            assertThat(second.withConnection(c -> c.query("select one from public.shared")).rows()).hasSize(1);
        }
        assertThat(Postmaster.read(project.resolve(".sluice/postgres"))).isEmpty();
    }

    @Test
    void anotherProcessJoinsTheRunningServerAndLeavesItRunning() throws Exception {
        Path data = project.resolve(".sluice/postgres");
        try (Adapter mine = open()) {
            mine.withConnection(c -> c.execute("create table public.marker as select 'here' as v"));
            long pid = Postmaster.read(data).orElseThrow().pid();

            String output = runOtherProcess("select v from public.marker");

            assertThat(output).contains("result=[[here]]");
            assertThat(Postmaster.read(data).map(Postmaster::pid)).contains(pid); // the same server, still running
            assertThat(mine.withConnection(c -> c.query("select v from public.marker")).rows()).hasSize(1);
        }
        assertThat(Postmaster.read(data)).isEmpty();
    }

    @Test
    void lastUserStopsTheServerEvenIfAnotherStartedIt() throws Exception {
        Path data = project.resolve(".sluice/postgres");
        EmbeddedPostgres.Lease starter = EmbeddedPostgres.acquire(data, 0, System.getenv());
        assertThat(starter.startedHere()).isTrue();
        Adapter joiner = open();
        starter.close(); // the adapter still uses it: it keeps running
        assertThat(joiner.withConnection(c -> c.query("select 1")).rows()).hasSize(1);
        joiner.close();
        assertThat(Postmaster.read(data)).isEmpty();
    }

    @Test
    void startupFailureNamesTheDataDirectoryAndTheServerLog() throws Exception {
        isolate();
        Path data = project.resolve(".sluice/postgres");
        open().close(); // initialise
        Files.writeString(data.resolve("postgresql.conf"), "\nno_such_setting_here = 1\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Path real = data.toRealPath();
        assertThatThrownBy(this::open).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.code()).isEqualTo("embedded.start");
            assertThat(e.getMessage()).contains("Cannot start embedded PostgreSQL in " + real)
                    .contains("server.log").contains("no_such_setting_here");
        });
        assertThat(Postmaster.read(data)).isEmpty();
    }

    @Test
    void refusesANonEmptyDirectoryWithoutADatabase() throws Exception {
        isolate();
        Path data = project.resolve(".sluice/postgres");
        Files.createDirectories(data);
        Files.writeString(data.resolve("notes.txt"), "mine");
        assertThatThrownBy(this::open).isInstanceOfSatisfying(SluiceException.class, e -> {
            assertThat(e.kind()).isEqualTo(SluiceException.Kind.USER);
            assertThat(e.getMessage()).contains(data.getFileName().toString()).contains("not empty");
        });
        assertThat(data.resolve("notes.txt")).exists();
    }

    @Test
    void explainsWhenRootCannotHandTheDataDirectoryToNobody() throws Exception {
        assumeTrue(OsUser.current().root(), "only root runs PostgreSQL as another user");
        isolate();
        Path closed = project.resolve("closed");
        Files.createDirectories(closed.resolve("project"));
        Files.setPosixFilePermissions(closed, PosixFilePermissions.fromString("rwx------"));
        Path inside = closed.resolve("project");
        Path real = closed.toRealPath();
        assertThatThrownBy(() -> new PostgresAdapterFactory().create(embeddedTarget(), TestingDatabase.context(inside, 1)))
                .isInstanceOfSatisfying(SluiceException.class, e -> {
                    assertThat(e.kind()).isEqualTo(SluiceException.Kind.USER);
                    assertThat(e.getMessage()).contains("nobody cannot enter " + real)
                            .contains("chmod o+x " + real);
                });
    }

    private Adapter open() {
        return new PostgresAdapterFactory().create(embeddedTarget(), TestingDatabase.context(project, 2));
    }

    private String runOtherProcess(String query) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                TestingEmbeddedClient.class.getName(), project.toString(), query)
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        return output;
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
