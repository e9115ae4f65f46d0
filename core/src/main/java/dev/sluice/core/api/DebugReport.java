package dev.sluice.core.api;

import java.util.List;
import java.util.Map;

/**
 * What {@code debug} found: versions, where the project and profile came from, the target's
 * settings (secrets masked), and whether a connection could be made.
 */
public record DebugReport(String sluiceVersion, String dbtVersion, String projectDir, String projectName,
        String profilesFile, String profile, String target, String adapterType, Map<String, Object> settings,
        boolean connected, String connection, List<String> problems) {
    public DebugReport {
        settings = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(settings));
        problems = List.copyOf(problems);
    }

    public boolean ok() {
        return connected && problems.isEmpty();
    }
}
