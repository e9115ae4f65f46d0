package dev.sluice.cli;

import dev.sluice.core.api.DepsResult;
import picocli.CommandLine.Command;

@Command(name = "deps", sortOptions = false,
        description = "Installs the packages of packages.yml (or dependencies.yml) into dbt_packages/ and writes "
                + "package-lock.yml (dbt deps).")
final class DepsCommand extends ProjectCommand {
    @Override
    public Integer call() {
        Output output = output(false);
        output.header();
        DepsResult result = root().launcher().deps(project.settings(), output);
        if (!result.packages().isEmpty()) {
            output.line((result.fromLock() ? "Installed " : "Resolved and installed ") + result.packages().size()
                    + " package(s)" + (result.fromLock() ? " as package-lock.yml pins them." : "; wrote package-lock.yml."));
        }
        return ExitCode.OK;
    }
}
