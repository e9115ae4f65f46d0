package dev.sluice.core.api;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code docs generate} wrote: the site's entry page, the catalog, how many node pages and
 * bytes the site has, and the compile run it started with.
 */
public record DocsResult(Path index, Path catalog, int pages, long siteBytes, int catalogRelations,
        Duration elapsed, RunResult compile) {
    public DocsResult {
        requireNonNull(index, "index is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(elapsed, "elapsed is null");
        requireNonNull(compile, "compile is null");
    }
}
