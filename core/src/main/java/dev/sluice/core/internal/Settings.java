package dev.sluice.core.internal;

import dev.sluice.core.api.SluiceListener;
import java.nio.file.Path;
import java.util.Map;

/** The immutable options of one {@link dev.sluice.core.Sluice} instance. */
public record Settings(Path projectDir, Path profilesDir, String target, String profile, Map<String, Object> vars,
        String varsText, Integer threads, boolean fullRefresh, boolean failFast, SluiceListener listener,
        Map<String, String> environment, Flags flags) {
    public Settings {
        flags = flags == null ? Flags.NONE : flags;
    }

    public Settings(Path projectDir, Path profilesDir, String target, String profile, Map<String, Object> vars,
            String varsText, Integer threads, boolean fullRefresh, boolean failFast, SluiceListener listener,
            Map<String, String> environment) {
        this(projectDir, profilesDir, target, profile, vars, varsText, threads, fullRefresh, failFast, listener,
                environment, Flags.NONE);
    }

    /**
     * dbt's invocation flags beyond the basic ones.
     *
     * @param storeFailures {@code --store-failures}: tests keep their failing rows unless their config says otherwise
     * @param deferState {@code --defer --state DIR}: refs to unselected nodes missing here read that run's relations
     * @param favorState {@code --favor-state}: defer even when the relation exists here
     * @param eventTimeStart {@code --event-time-start} for microbatch models, or null
     * @param eventTimeEnd {@code --event-time-end} for microbatch models, or null
     */
    public record Flags(boolean storeFailures, Path deferState, boolean favorState, String eventTimeStart,
            String eventTimeEnd) {
        public static final Flags NONE = new Flags(false, null, false, null, null);
    }
}
