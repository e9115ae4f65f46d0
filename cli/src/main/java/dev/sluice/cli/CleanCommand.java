package dev.sluice.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Command;

@Command(name = "clean", sortOptions = false,
        description = "Deletes the project's clean-targets, such as target/ (dbt clean).")
final class CleanCommand extends ProjectCommand {
    @Override
    public Integer call() {
        Output output = output(false);
        output.header();
        LaunchSettings settings = project.settings();
        List<Path> deleted = root().launcher().clean(settings, output);
        Path projectDir = settings.projectDir().toAbsolutePath().normalize();
        for (Path path : deleted) {
            Path absolute = projectDir.resolve(path).normalize();
            Path shown = absolute.startsWith(projectDir) ? projectDir.relativize(absolute) : absolute;
            output.line("Cleaned " + shown + "/*");
        }
        output.line("Finished cleaning all paths.");
        return ExitCode.OK;
    }
}
