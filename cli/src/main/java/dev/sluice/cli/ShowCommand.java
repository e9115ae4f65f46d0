package dev.sluice.cli;

import dev.sluice.core.api.Preview;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Previews the first rows of models, analyses or seeds, or of an inline query, without building anything (dbt show). */
@Command(name = "show", sortOptions = false,
        description = "Runs the selected models, analyses or seeds (or --inline SQL) and prints their first rows (dbt show).")
final class ShowCommand extends ProjectCommand {
    @Mixin
    SelectionOptions selection;

    @Option(names = "--inline", paramLabel = "SQL", description = "Preview this SQL, compiled in the project's context.")
    String inline;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "Rows to show (default 5).")
    int limit;

    @Override
    public Integer call() {
        Output output = output(false);
        output.header();
        try (Session session = open(project.settings(), output)) {
            List<Preview> previews = inline != null ? List.of(session.showInline(inline, limit))
                    : session.show(selection.selection(), limit);
            if (previews.isEmpty()) {
                output.line("Nothing to show: the selection matches no model, analysis or seed");
            }
            for (Preview p : previews) {
                output.line("Previewing " + (inline != null ? "inline node" : "node '" + p.name() + "'") + ":\n"
                        + Tables.render(p));
            }
            return ExitCode.OK;
        }
    }
}
