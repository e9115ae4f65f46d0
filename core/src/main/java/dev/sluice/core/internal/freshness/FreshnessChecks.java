package dev.sluice.core.internal.freshness;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.api.SourceFreshness;
import dev.sluice.core.internal.artifacts.ExecutionDetails;
import dev.sluice.core.internal.model.FreshnessThreshold;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.spi.Adapter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Checks source tables' freshness over N threads (sources depend on nothing, so any order will
 * do): one query per table, its age judged against error_after then warn_after, each table
 * reported as it starts and ends. A failed query is that table's runtime error; the others go on.
 *
 * <pre>{@code
 * List<FreshnessChecks.Checked> done = new FreshnessChecks(adapter, listener, 4, cancelled, info).run(sources);
 * }</pre>
 */
public final class FreshnessChecks {
    /** One table's findings, and what sources.json records about how it was checked. */
    public record Checked(SourceFreshness freshness, ExecutionDetails details) {
    }

    private final Adapter adapter;
    private final SluiceListener listener;
    private final int threads;
    private final AtomicBoolean cancelled;
    private final Function<SourceDef, NodeInfo> info;

    /**
     * @param cancelled set by {@code Sluice.cancel()}: tables not started yet are left out
     * @param info how a source table is reported in events and results
     */
    public FreshnessChecks(Adapter adapter, SluiceListener listener, int threads, AtomicBoolean cancelled,
            Function<SourceDef, NodeInfo> info) {
        this.adapter = requireNonNull(adapter, "adapter is null");
        this.listener = requireNonNull(listener, "listener is null");
        this.threads = Math.max(1, threads);
        this.cancelled = requireNonNull(cancelled, "cancelled is null");
        this.info = requireNonNull(info, "info is null");
    }

    /**
     * Which of {@code selected} to check, by unique id: those with a threshold that can trip and a
     * loaded_at_field. Those with a threshold but no field are reported as skipped, with where
     * they are declared: this adapter has no load times in metadata to fall back on.
     */
    public static List<SourceDef> checkable(Collection<SourceDef> selected, String adapterType, SluiceListener listener) {
        List<SourceDef> out = new ArrayList<>();
        for (SourceDef s : selected.stream().sorted(Comparator.comparing(SourceDef::uniqueId)).toList()) {
            if (!s.hasFreshness()) {
                continue;
            }
            if (s.loadedAtField() == null) {
                listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Skipping freshness of source "
                        + FreshnessQuery.name(s) + ": it has no loaded_at_field" + (s.loadedAtQuery() != null
                                ? ", and Sluice does not run loaded_at_query yet"
                                : ", and the " + adapterType + " adapter cannot read load times from metadata"),
                        FreshnessQuery.where(s)));
                continue;
            }
            out.add(s);
        }
        return out;
    }

    /** Checks {@code sources} (each with freshness and a loaded_at_field); results in the order given. */
    public List<Checked> run(List<SourceDef> sources) {
        int total = sources.size();
        List<Checked> out = new ArrayList<>();
        if (total == 0) {
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, total), r -> {
            Thread t = new Thread(r, "sluice-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Checked>> futures = new ArrayList<>();
            for (int i = 0; i < total; i++) {
                SourceDef source = sources.get(i);
                int index = i + 1;
                futures.add(pool.submit(() -> cancelled.get() ? null : check(source, index, total)));
            }
            for (Future<Checked> f : futures) {
                Checked c = f.get();
                if (c != null) {
                    out.add(c);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            adapter.cancelAll();
            throw SluiceException.internal("the freshness check was interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw SluiceException.internal("Cannot check freshness: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return out;
    }

    private Checked check(SourceDef source, int index, int total) {
        NodeInfo node = info.apply(source);
        String description = "freshness of " + FreshnessQuery.name(source);
        listener.onEvent(new SluiceEvent.NodeStarted(index, total, node, description));
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        String sql = FreshnessQuery.sql(source);
        Instant compiled = Instant.now();
        FreshnessThreshold criteria = source.freshness();
        SourceFreshness freshness;
        try {
            FreshnessQuery.Found found = FreshnessQuery.run(adapter, source, sql);
            Duration age = Duration.between(found.maxLoadedAt(), found.snapshottedAt());
            FreshnessThreshold.Status status = criteria.status(age.toNanos() / 1e9);
            NodeStatus nodeStatus = switch (status) {
                case PASS -> NodeStatus.PASS;
                case WARN -> NodeStatus.WARN;
                case ERROR -> NodeStatus.ERROR;
            };
            NodeResult result = new NodeResult(node, nodeStatus, FreshnessMessages.verdict(source, status, age,
                    found.maxLoadedAt()), startedAt, Duration.ofNanos(System.nanoTime() - t0), -1, null);
            freshness = new SourceFreshness(result, found.maxLoadedAt(), found.snapshottedAt(), age,
                    limit(criteria.warnAfter()), limit(criteria.errorAfter()), criteria.filter());
        } catch (SluiceException e) {
            freshness = failed(node, criteria, e, startedAt, t0);
        } catch (RuntimeException e) {
            freshness = failed(node, criteria, SluiceException.internal("Cannot check the freshness of source "
                    + FreshnessQuery.name(source) + ": " + e, e), startedAt, t0);
        }
        listener.onEvent(new SluiceEvent.NodeFinished(index, total, freshness.result(), description));
        return new Checked(freshness, new ExecutionDetails(Thread.currentThread().getName(), sql, source.relationName(),
                startedAt, compiled));
    }

    private static SourceFreshness failed(NodeInfo node, FreshnessThreshold criteria, SluiceException e,
            Instant startedAt, long t0) {
        NodeResult result = new NodeResult(node, NodeStatus.RUNTIME_ERROR, e.getMessage(), startedAt,
                Duration.ofNanos(System.nanoTime() - t0), -1, e);
        return new SourceFreshness(result, null, null, null, limit(criteria.warnAfter()), limit(criteria.errorAfter()),
                criteria.filter());
    }

    private static Duration limit(FreshnessThreshold.Time t) {
        return t == null ? null : t.limit();
    }
}
