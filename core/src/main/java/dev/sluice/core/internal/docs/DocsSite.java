package dev.sluice.core.internal.docs;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.artifacts.Catalog;
import dev.sluice.core.internal.docs.layout.GraphLayout;
import dev.sluice.core.internal.docs.layout.Layout;
import dev.sluice.core.internal.io.OutputFiles;
import dev.sluice.core.internal.model.DocBlock;
import dev.sluice.core.internal.model.Manifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The static docs site {@code docs generate} writes into the target directory: {@code index.html}
 * (the project graph, laid out here with ELK and drawn as SVG in the browser, with search and
 * lineage focus) and under {@code docs/} a page per node, the graph's data and the assets. Every
 * link is relative, so the site works from {@code file://} as well as from {@code docs serve}.
 *
 * <p>The new site is written beside the old one and swapped in at the end, so a failure leaves the
 * previous site as it was.
 */
public final class DocsSite {
    static final String SITE_DIR = "docs";
    private static final String ASSETS = "dev/sluice/core/docs/assets/";
    private static final List<String> ASSET_FILES = List.of("sluice-docs.css", "sluice-docs.js");

    private final Manifest manifest;
    private final Map<String, String> compiledSql;
    private final Catalog catalog;
    private final LastRun lastRun;
    private final String targetName;
    private final int threads;
    private final Templates templates = new Templates();
    private final SluiceListener listener;

    /** What was written: the entry page, how many node pages, the site's size in bytes. */
    public record Written(Path index, int pages, long bytes) {
    }

    public DocsSite(Manifest manifest, Map<String, String> compiledSql, Catalog catalog, LastRun lastRun,
            String targetName, int threads, SluiceListener listener) {
        this.listener = requireNonNull(listener, "listener is null");
        this.manifest = requireNonNull(manifest, "manifest is null");
        this.compiledSql = Map.copyOf(compiledSql);
        this.catalog = requireNonNull(catalog, "catalog is null");
        this.lastRun = requireNonNull(lastRun, "lastRun is null");
        this.targetName = targetName;
        this.threads = Math.max(1, threads);
    }

    /**
     * Starts laying out {@code manifest}'s graph on a thread of its own, so it can run while the
     * project compiles and the catalog is read; pass the result to {@link #write}.
     */
    public static CompletableFuture<Layout> layout(Manifest manifest) {
        SiteIndex site = new SiteIndex(manifest);
        return CompletableFuture.supplyAsync(() -> GraphLayout.layered(site.boxes(), site.edges()), DocsSite::daemon);
    }

    public Written write(Path targetDir, CompletableFuture<Layout> layout) {
        long t0 = System.nanoTime();
        SiteIndex site = new SiteIndex(manifest);
        Path staging = targetDir.resolve(SITE_DIR + ".new");
        AtomicLong bytes = new AtomicLong();
        try {
            deleteTree(staging);
            Files.createDirectories(staging.resolve("nodes"));
            Files.createDirectories(staging.resolve("assets"));
            for (String asset : ASSET_FILES) {
                try (InputStream in = DocsSite.class.getClassLoader().getResourceAsStream(ASSETS + asset)) {
                    if (in == null) {
                        throw SluiceException.internal("docs asset " + asset + " is missing from the jar", null);
                    }
                    bytes.addAndGet(Files.copy(in, staging.resolve("assets").resolve(asset)));
                }
            }
            String generatedAt = Instant.now().toString();
            NodePages pages = new NodePages(manifest, site, compiledSql, catalog, lastRun);
            parallel(site.pages(), page -> bytes.addAndGet(write(staging.resolve("nodes").resolve(page.file()),
                    templates.render("node", pages.context(page)))));
            long t1 = System.nanoTime();
            bytes.addAndGet(write(staging.resolve("graph-data.js"),
                    GraphData.script(manifest.projectName(), generatedAt, site, join(layout))));
            String index = templates.render("index", indexContext(site, generatedAt));
            swap(staging, targetDir.resolve(SITE_DIR));
            Path indexFile = targetDir.resolve("index.html");
            bytes.addAndGet(Files.size(OutputFiles.atomic(indexFile, index)));
            listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.DEBUG, String.format(java.util.Locale.ROOT,
                    "Docs site: pages with column lineage %.2fs, all %.2fs", (t1 - t0) / 1e9,
                    (System.nanoTime() - t0) / 1e9), null));
            return new Written(indexFile, site.pages().size(), bytes.get());
        } catch (IOException | UncheckedIOException e) {
            throw SluiceException.user("docs.write", Location.of(targetDir.toString()), "Cannot write the docs site into "
                    + targetDir + ": " + e.getMessage() + " (check the disk space and the directory's permissions)", e);
        } finally {
            try {
                deleteTree(staging);
            } catch (IOException ignored) {
                // only a leftover staging directory; the next run replaces it
            }
        }
    }

    private Map<String, Object> indexContext(SiteIndex site, String generatedAt) {
        Map<String, Object> ctx = new LinkedHashMap<>();
        ctx.put("project", manifest.projectName());
        ctx.put("root", "");
        ctx.put("target", targetName == null ? "" : targetName);
        ctx.put("generatedAt", generatedAt);
        DocBlock overview = overview();
        ctx.put("overview", overview == null ? "" : Markdown.html(overview.blockContents().strip()));
        Map<String, Long> counts = new LinkedHashMap<>();
        for (SiteIndex.Page p : site.pages()) {
            counts.merge(p.typeLabel(), 1L, Long::sum);
        }
        ctx.put("counts", counts);
        ctx.put("schemas", site.schemas());
        return ctx;
    }

    /** The project's own {@code __overview__} docs block, else any package's. */
    private DocBlock overview() {
        DocBlock any = null;
        for (DocBlock d : manifest.docs().values()) {
            if (d.name().equals("__overview__")) {
                if (manifest.projectName().equals(d.packageName())) {
                    return d;
                }
                any = any == null ? d : any;
            }
        }
        return any;
    }

    private static void daemon(Runnable r) {
        Thread t = new Thread(r, "sluice-docs-layout");
        t.setDaemon(true);
        t.start();
    }

    private static Layout join(CompletableFuture<Layout> layout) {
        try {
            return layout.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw SluiceException.internal("cannot lay out the docs graph", e.getCause());
        }
    }

    private interface Work<T> {
        void run(T item) throws IOException;
    }

    private <T> void parallel(List<T> items, Work<T> work) {
        if (items.size() < 64 || threads == 1) {
            for (T item : items) {
                run(work, item);
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, Runtime.getRuntime().availableProcessors()),
                r -> {
                    Thread t = new Thread(r, "sluice-docs");
                    t.setDaemon(true);
                    return t;
                });
        try {
            int chunk = Math.max(16, items.size() / (threads * 8));
            List<Future<?>> futures = new ArrayList<>();
            for (int from = 0; from < items.size(); from += chunk) {
                List<T> slice = items.subList(from, Math.min(items.size(), from + chunk));
                futures.add(pool.submit(() -> {
                    for (T item : slice) {
                        run(work, item);
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SluiceException.user("docs.cancelled", null, "Cannot finish the docs site: interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw SluiceException.internal("docs generation failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static <T> void run(Work<T> work, T item) {
        try {
            work.run(item);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long write(Path file, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        Files.write(file, bytes);
        return bytes.length;
    }

    /** Replaces {@code live} with {@code staging}: the old site is moved aside first, then deleted. */
    private static void swap(Path staging, Path live) throws IOException {
        Path old = live.resolveSibling(live.getFileName() + ".old");
        deleteTree(old);
        if (Files.exists(live)) {
            Files.move(live, old, StandardCopyOption.ATOMIC_MOVE);
        }
        Files.move(staging, live, StandardCopyOption.ATOMIC_MOVE);
        deleteTree(old);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
