package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Losing the connection: at start (a refused port, a server that drops the first connection) the
 * target's {@code retries} bound the attempts, 500 ms apart and doubling, then the error names
 * the endpoint and the attempts; mid-run, a pooled connection the server closed is replaced, and a
 * connection killed under a node fails that node only.
 */
class FaultsConnectionIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    String app;

    @BeforeEach
    void setUp() {
        project = dir.resolve("conn");
        schema = TestingDatabase.freshSchema("conn");
        app = "conn_" + schema;
        TestingProjects.write(project.resolve("dbt_project.yml"), """
                name: conn
                version: '1.0'
                config-version: 2
                profile: conn
                """);
        profile(Map.of());
    }

    private void profile(Map<String, Object> overrides) {
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("application_name", app, "threads", 1));
        settings.putAll(overrides);
        TestingProjects.writeProfiles(project, "conn", TestingDatabase.targetConfig(schema, settings));
    }

    private void model(String name, String sql) {
        TestingProjects.write(project.resolve("models/" + name + ".sql"), "{{ config(materialized='table') }}\n" + sql);
    }

    private RunResult run(dev.sluice.core.api.SluiceListener listener) {
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString()))
                .listener(listener).load()) {
            return sluice.run(Selection.all());
        }
    }

    private static int refusedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort(); // closed again: connecting is refused
        }
    }

    @Test
    void aRefusedPortIsRetriedWithBackoffThenNamed() throws Exception {
        int port = refusedPort();
        profile(Map.of("host", "127.0.0.1", "port", port, "retries", 3));
        model("a", "select 1 as id");
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> run(e -> { }))
                .isInstanceOf(SluiceException.class)
                .hasMessageContaining("Cannot connect to postgres at 127.0.0.1:" + port + "/")
                .hasMessageContaining("refused")
                .hasMessageContaining("gave up after 4 attempts")
                .hasMessageContaining("retries: 3");
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        System.out.printf("retries: 3 retries on a refused port failed after %d ms (backoff 500 + 1000 + 2000)%n", millis);
        assertThat(millis).isGreaterThanOrEqualTo(3_500);

        profile(Map.of("host", "127.0.0.1", "port", port, "retries", 0));
        t0 = System.nanoTime();
        assertThatThrownBy(() -> run(e -> { }))
                .hasMessageContaining("Cannot connect to postgres at 127.0.0.1:" + port + "/")
                .hasMessageNotContaining("attempts");
        System.out.printf("retries: 0 retries on a refused port failed after %d ms%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    @Test
    void aConnectionDroppedAtStartIsRetried() throws Exception {
        Map<String, Object> server = TestingDatabase.targetConfig(schema).settings();
        try (Forwarder forwarder = new Forwarder(String.valueOf(server.get("host")), (Integer) server.get("port"))) {
            profile(Map.of("host", "127.0.0.1", "port", forwarder.port(), "retries", 2, "sslmode", "disable"));
            model("a", "select 1 as id");
            RunResult run = run(e -> { });
            assertThat(run.success()).isTrue();
            assertThat(forwarder.dropped.get()).isEqualTo(1);
        }
    }

    @Test
    void aPooledConnectionClosedBetweenNodesIsReplaced() throws Exception {
        model("a", "select 1 as id");
        model("b", "select id + 1 as id from {{ ref('a') }}");
        AtomicInteger killed = new AtomicInteger();
        RunResult run;
        try (TestingBackends watcher = TestingBackends.open()) {
            run = run(event -> {
                if (event instanceof SluiceEvent.NodeFinished f && f.result().node().name().equals("a")) {
                    // b starts only after this returns: its connection is closed by then
                    killed.addAndGet(watcher.terminateAll(app));
                    pastPoolValidation();
                }
            });
        }
        assertThat(killed.get()).isEqualTo(1);
        assertThat(run.results()).extracting(NodeResult::status).containsOnly(NodeStatus.SUCCESS);
    }

    @Test
    void aConnectionKilledUnderANodeFailsThatNodeOnly() throws Exception {
        model("a_slow", "select id from generate_series(1, 3) id, (select pg_sleep(600)) slow");
        model("b_after", "select 1 as id");
        try (TestingBackends watcher = TestingBackends.open()) {
            CompletableFuture<RunResult> running = CompletableFuture.supplyAsync(() -> run(e -> { }));
            watcher.terminate(watcher.await(app, "wait_event = 'PgSleep'"));
            RunResult run = running.get(TestingBackends.PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            NodeResult slow = run.results().get(0);
            NodeResult after = run.results().get(1);
            assertThat(slow.node().name()).isEqualTo("a_slow");
            assertThat(slow.status()).isEqualTo(NodeStatus.ERROR);
            assertThat(slow.message()).contains("57P01").contains("terminating connection due to administrator command");
            // one thread: b_after ran after a_slow failed, on a fresh connection
            assertThat(after.startedAt()).isAfterOrEqualTo(slow.startedAt().plus(slow.elapsed()));
            assertThat(after.status()).isEqualTo(NodeStatus.SUCCESS);
            assertThat(watcher.relations(schema)).containsExactly(List.of("b_after", "r"));
        }
    }

    /** The pool checks a connection idle for 500 ms or more before handing it out (JdbcPool). */
    private static void pastPoolValidation() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Forwards TCP connections to a server, closing the first one at once, as a server going away would. */
    private static final class Forwarder implements AutoCloseable {
        final AtomicInteger dropped = new AtomicInteger();
        private final ServerSocket socket;
        private final Thread acceptor;

        Forwarder(String host, int port) throws IOException {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            acceptor = new Thread(() -> {
                try {
                    while (true) {
                        Socket client = socket.accept();
                        if (dropped.compareAndSet(0, 1)) {
                            client.close();
                            continue;
                        }
                        Socket upstream = new Socket(host, port);
                        pump(client.getInputStream(), upstream.getOutputStream(), upstream);
                        pump(upstream.getInputStream(), client.getOutputStream(), client);
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            }, "forwarder");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return socket.getLocalPort();
        }

        private static void pump(InputStream in, OutputStream out, Socket closeAtEnd) {
            Thread t = new Thread(() -> {
                try (closeAtEnd) {
                    in.transferTo(out);
                } catch (IOException e) {
                    // one side went away
                }
            }, "forwarder-pump");
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
