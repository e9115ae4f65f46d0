package dev.sluice.core.internal.execute;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.graph.ModelGraph;
import dev.sluice.core.internal.model.Node;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Runs nodes over N threads in dependency order: a node starts as soon as the selected nodes it
 * depends on succeeded; when one fails, what depends on it is skipped and everything else goes
 * on (with {@code failFast}, whatever has not started is skipped and running queries are cancelled).
 */
public final class Runner {
    private final ModelGraph graph;
    private final SluiceListener listener;
    private final int threads;
    private final boolean failFast;
    private final Runnable cancelRunning;
    private final Function<Node, String> describe;
    private final Function<Node, NodeInfo> info;

    public Runner(ModelGraph graph, SluiceListener listener, int threads, boolean failFast, Runnable cancelRunning,
            Function<Node, String> describe, Function<Node, NodeInfo> info) {
        this.graph = graph;
        this.listener = listener;
        this.threads = Math.max(1, threads);
        this.failFast = failFast;
        this.cancelRunning = cancelRunning;
        this.describe = describe;
        this.info = info;
    }

    private record Done(Node node, int index, NodeResult result) {
    }

    /**
     * Runs {@code work} for each of {@code nodes} (given in dependency order).
     *
     * @param cancelled set by {@code Sluice.cancel()}; nodes not started are then skipped
     */
    public RunResult run(String command, String invocationId, List<Node> nodes, Function<Node, Outcome> work,
            AtomicBoolean cancelled) {
        Instant start = Instant.now();
        int total = nodes.size();
        Map<String, Node> selected = new LinkedHashMap<>();
        nodes.forEach(n -> selected.put(n.uniqueId(), n));
        Map<String, Set<String>> parents = new HashMap<>();
        Map<String, Set<String>> children = new HashMap<>();
        for (Node n : nodes) {
            parents.put(n.uniqueId(), graph.nearestWithin(n.uniqueId(), selected.keySet(), true));
            children.put(n.uniqueId(), graph.nearestWithin(n.uniqueId(), selected.keySet(), false));
        }
        Map<String, Integer> waiting = new HashMap<>();
        Deque<Node> ready = new ArrayDeque<>();
        for (Node n : nodes) {
            waiting.put(n.uniqueId(), parents.get(n.uniqueId()).size());
            if (parents.get(n.uniqueId()).isEmpty()) {
                ready.add(n);
            }
        }
        Set<String> notOk = new HashSet<>();
        List<NodeResult> results = new ArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        LinkedBlockingQueue<Done> done = new LinkedBlockingQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Math.max(1, total)), r -> {
            Thread t = new Thread(r, "sluice-worker");
            t.setDaemon(true);
            return t;
        });
        int started = 0;
        int finished = 0;
        try {
            while (finished < total) {
                while (!ready.isEmpty()) {
                    Node n = ready.poll();
                    int index = ++started;
                    String why = null;
                    if (cancelled.get()) {
                        why = "Skipped: the run was cancelled";
                    } else if (stop.get()) {
                        why = "Skipped: --fail-fast stopped the run after an error";
                    } else if (parents.get(n.uniqueId()).stream().anyMatch(notOk::contains)) {
                        why = "Skipped due to an upstream failure";
                    }
                    if (why != null) {
                        done.add(new Done(n, index, new NodeResult(info.apply(n), NodeStatus.SKIPPED, why, Instant.now(),
                                Duration.ZERO, -1, null)));
                        continue;
                    }
                    listener.onEvent(new SluiceEvent.NodeStarted(index, total, info.apply(n), describe.apply(n)));
                    pool.execute(() -> done.add(new Done(n, index, execute(n, work))));
                }
                Done d = done.take();
                finished++;
                results.add(d.result());
                listener.onEvent(new SluiceEvent.NodeFinished(d.index(), total, d.result(), describe.apply(d.node())));
                NodeStatus status = d.result().status();
                if (status.failed() || status == NodeStatus.SKIPPED) {
                    notOk.add(d.node().uniqueId());
                    if (status.failed() && failFast && !stop.getAndSet(true)) {
                        cancelRunning.run();
                    }
                }
                for (String child : children.get(d.node().uniqueId())) {
                    if (waiting.merge(child, -1, Integer::sum) == 0) {
                        ready.add(selected.get(child));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancelRunning.run();
            throw SluiceException.internal("the run was interrupted", e);
        } finally {
            pool.shutdownNow();
        }
        RunResult result = new RunResult(command, invocationId, start, Duration.between(start, Instant.now()), results);
        listener.onEvent(new SluiceEvent.RunFinished(result));
        return result;
    }

    private NodeResult execute(Node n, Function<Node, Outcome> work) {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        Outcome o;
        try {
            o = work.apply(n);
        } catch (SluiceException e) {
            o = Outcome.failed(e);
        } catch (RuntimeException e) {
            o = Outcome.failed(SluiceException.internal("Cannot build " + n.name() + ": " + e, e));
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - t0);
        return new NodeResult(info.apply(n), o.status(), o.message(), startedAt, elapsed, o.rows(), o.error());
    }
}
