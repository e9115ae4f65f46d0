package dev.sluice.core.internal.context;

import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.project.ProjectConfig;
import dev.sluice.core.internal.project.Vars;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.TargetConfig;
import dev.sluice.jinja.Environment;
import java.time.Instant;
import java.util.Map;

/**
 * What every render of a project shares: the project, the target, variables, environment
 * variables, macros, the dialect, and the two Jinja environments (parse time: lenient undefined,
 * {@code execute} false; run time: Jinja2's default undefined).
 */
public record ProjectScope(ProjectConfig project, TargetConfig target, Vars vars, Map<String, String> environment,
        MacroRegistry macros, Dialect dialect, Environment parseEnv, Environment runEnv, String invocationId,
        Instant runStartedAt, SluiceListener listener, Invocation invocation) {

    public String projectName() {
        return project.name();
    }

    /** The database models build in when they set none. */
    public String database() {
        String db = target.database();
        return db == null ? "" : db;
    }
}
