package dev.sluice.cli;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.Sluice;
import java.nio.file.Path;

/**
 * What a command asks the library to load: the project and profile options and, for commands
 * that execute nodes, the execution options. Null means "not given": the library's default.
 */
record LaunchSettings(Path projectDir, Path profilesDir, String target, String profile, String vars,
        Integer threads, boolean fullRefresh, boolean failFast) {
    LaunchSettings {
        requireNonNull(projectDir, "projectDir is null");
    }

    Sluice.Configuration configure() {
        Sluice.Configuration configuration = Sluice.configure()
                .projectDir(projectDir)
                .profilesDir(profilesDir)
                .target(target)
                .profile(profile)
                .vars(vars)
                .fullRefresh(fullRefresh)
                .failFast(failFast);
        if (threads != null) {
            configuration.threads(threads);
        }
        return configuration;
    }
}
