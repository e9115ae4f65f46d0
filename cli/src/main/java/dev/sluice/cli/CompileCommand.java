package dev.sluice.cli;

import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Compiles the selected nodes to target/compiled, or with {@code --inline} prints one snippet's SQL. */
@Command(name = "compile", sortOptions = false,
        description = "Compiles the selected nodes to SQL under target/compiled without running them (dbt compile).")
final class CompileCommand extends NodeCommand {
    @Option(names = "--inline", paramLabel = "SQL",
            description = "Compile this SQL in the project's context and print it, "
                    + "e.g. \"select * from {{ ref('orders') }}\".")
    String inline;

    @Override
    public Integer call() {
        if (inline == null) {
            return super.call();
        }
        Output output = output(false);
        output.header();
        try (Session session = open(project.settings(execution), output)) {
            output.line("Compiled inline node is:\n" + session.compileInline(inline));
            return ExitCode.OK;
        }
    }

    @Override
    RunResult execute(Session session, Selection selection) {
        return session.compile(selection);
    }

    /** dbt compile prints no line per node; failures show in the summary. */
    @Override
    boolean nodeLines() {
        return false;
    }
}
