package dev.sluice.cli;

import dev.sluice.core.api.DocsResult;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Compiles the project, reads the catalog and writes catalog.json and the docs site (dbt docs generate). */
@Command(name = "generate", sortOptions = false,
        description = "Compiles every model, reads the catalog and writes target/catalog.json and the docs site "
                + "(target/index.html) that opens from disk (dbt docs generate).")
final class DocsGenerateCommand extends ProjectCommand {
    @Mixin
    ExecutionOptions execution;

    @Option(names = "--empty-catalog", description = "Do not query the database: the catalog and the site's column types stay empty.")
    boolean emptyCatalog;

    @Override
    public Integer call() {
        Output output = output(false);
        output.header();
        try (CancelGuard guard = CancelGuard.install();
                Session session = open(project.settings(execution), output)) {
            guard.watch(session);
            DocsResult docs = session.docsGenerate(emptyCatalog);
            output.summary(docs.compile(), guard.interrupted());
            output.line(String.format(Locale.ROOT, "Docs generated in %.2fs: %d pages, %.1f MB; open %s",
                    docs.elapsed().toMillis() / 1000.0, docs.pages(), docs.siteBytes() / 1e6, docs.index().toUri()));
            return ExitCode.of(docs.compile(), guard.interrupted());
        }
    }
}
