package dev.sluice.cli;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.Sluice;
import java.nio.file.Path;

/**
 * What a command asks the library to load: the project and profile options and, for commands
 * that execute nodes, the execution options. Null means "not given": the library's default.
 */
record LaunchSettings(Path projectDir, Path profilesDir, String target, String profile, String vars,
        Integer threads, boolean fullRefresh, boolean failFast, Flags flags) {
    LaunchSettings {
        requireNonNull(projectDir, "projectDir is null");
        flags = flags == null ? Flags.NONE : flags;
    }

    LaunchSettings(Path projectDir, Path profilesDir, String target, String profile, String vars, Integer threads,
            boolean fullRefresh, boolean failFast) {
        this(projectDir, profilesDir, target, profile, vars, threads, fullRefresh, failFast, Flags.NONE);
    }

    /** --store-failures, --defer with its state directory, --favor-state, --event-time-start/-end. */
    record Flags(boolean storeFailures, Path deferState, boolean favorState, String eventTimeStart, String eventTimeEnd) {
        static final Flags NONE = new Flags(false, null, false, null, null);
    }

    Sluice.Configuration configure() {
        Sluice.Configuration configuration = Sluice.configure()
                .projectDir(projectDir)
                .profilesDir(profilesDir)
                .target(target)
                .profile(profile)
                .vars(vars)
                .fullRefresh(fullRefresh)
                .failFast(failFast)
                .storeFailures(flags.storeFailures())
                .defer(flags.deferState())
                .favorState(flags.favorState())
                .eventTime(flags.eventTimeStart(), flags.eventTimeEnd());
        if (threads != null) {
            configuration.threads(threads);
        }
        return configuration;
    }
}
