package dev.sluice.core.internal;

import dev.sluice.core.api.SluiceListener;
import java.nio.file.Path;
import java.util.Map;

/** The immutable options of one {@link dev.sluice.core.Sluice} instance. */
public record Settings(Path projectDir, Path profilesDir, String target, String profile, Map<String, Object> vars,
        String varsText, Integer threads, boolean fullRefresh, boolean failFast, SluiceListener listener,
        Map<String, String> environment) {
}
