package dev.sluice.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Which project, profile and target: the options every command that loads a project takes. */
final class ProjectOptions {
    @Option(names = "--project-dir", paramLabel = "DIR",
            description = "The dbt project's directory (default: the current directory).")
    Path projectDir = Path.of(".");

    @Option(names = "--profiles-dir", paramLabel = "DIR",
            description = "Where profiles.yml is (default: DBT_PROFILES_DIR, the project directory, then ~/.dbt).")
    Path profilesDir;

    @Option(names = {"-t", "--target"}, paramLabel = "TARGET", description = "The profile's target to use.")
    String target;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "The profile to use instead of the project's.")
    String profile;

    @Option(names = "--vars", paramLabel = "YAML",
            description = "Variables as a YAML or JSON mapping, e.g. '{run_date: 2024-01-31}'.")
    String vars;

    LaunchSettings settings() {
        return new LaunchSettings(projectDir, profilesDir, target, profile, vars, null, false, false);
    }

    /** For a command whose only execution option is {@code --threads} (null: the target's). */
    LaunchSettings settings(Integer threads) {
        return new LaunchSettings(projectDir, profilesDir, target, profile, vars, threads, false, false);
    }

    LaunchSettings settings(ExecutionOptions execution) {
        return settings(execution, null);
    }

    /** @param state --state, which --defer defers to unless --defer-state is given */
    LaunchSettings settings(ExecutionOptions execution, Path state) {
        Path deferTo = null;
        if (execution.defer) {
            deferTo = execution.deferState != null ? execution.deferState : state;
            if (deferTo == null) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                        "--defer needs --state DIR (or --defer-state DIR): the target directory of the run to defer to");
            }
        }
        return new LaunchSettings(projectDir, profilesDir, target, profile, vars,
                execution.threads, execution.fullRefresh, execution.failFast, new LaunchSettings.Flags(
                        execution.storeFailures, deferTo, execution.favorState, execution.eventTimeStart,
                        execution.eventTimeEnd));
    }
}
