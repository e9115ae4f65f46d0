package dev.sluice.cli;

import dev.sluice.core.api.FreshnessResult;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Checks how fresh the selected source tables are (dbt source freshness): exit 0 when every
 * table passes or only warns, 1 when one is older than its error_after or cannot be checked.
 */
@Command(name = "freshness", sortOptions = false,
        description = "Checks the age of each selected source table's newest row against its warn_after and "
                + "error_after, and writes target/sources.json (dbt source freshness).")
final class SourceFreshnessCommand extends ProjectCommand {
    @Mixin
    SelectionOptions selection;

    @Option(names = "--threads", paramLabel = "N",
            description = "How many tables to check at once (default: the target's threads).")
    Integer threads;

    @Option(names = {"-o", "--output"}, paramLabel = "PATH",
            description = "Where to write the results (default: target/sources.json).")
    Path output;

    @Override
    public Integer call() {
        Output out = output(true);
        out.header();
        try (CancelGuard guard = CancelGuard.install();
                Session session = open(project.settings(threads), out)) {
            guard.watch(session);
            FreshnessResult result = session.sourceFreshness(selection.selection(), output);
            out.summary(result.run(), guard.interrupted());
            return ExitCode.of(result.run(), guard.interrupted());
        }
    }
}
