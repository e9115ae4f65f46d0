package dev.sluice.core.internal.project;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.yaml.YamlDoc;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Project variables as dbt resolves {@code var()}: {@code --vars} first, then dbt_project.yml's
 * {@code vars} (a key named after a package scopes its contents to that package), then the
 * call's default.
 */
public final class Vars {
    /** Returned by {@link #lookup} when no value is defined. */
    public static final Object MISSING = new Object();

    private final Map<String, Object> cli;
    private final Map<String, Object> global;
    private final Map<String, Map<String, Object>> scoped;

    private Vars(Map<String, Object> cli, Map<String, Object> global, Map<String, Map<String, Object>> scoped) {
        this.cli = cli;
        this.global = global;
        this.scoped = scoped;
    }

    /**
     * @param projectVars dbt_project.yml's {@code vars}
     * @param packages names of the root project and installed packages (keys scoping vars)
     * @param cliText {@code --vars} text (YAML or JSON), or null
     * @param cliMap variables set through the library API
     */
    @SuppressWarnings("unchecked")
    public static Vars of(Map<String, Object> projectVars, Set<String> packages, String cliText, Map<String, Object> cliMap) {
        Map<String, Object> cli = new LinkedHashMap<>();
        if (cliText != null && !cliText.isBlank()) {
            Object parsed = YamlDoc.parse("--vars", cliText).root();
            if (!(parsed instanceof Map)) {
                throw SluiceException.user("vars.type", Location.of("--vars"),
                        "Cannot read --vars: expected a YAML or JSON mapping such as '{key: value}', got '" + cliText + "'");
            }
            cli.putAll((Map<String, Object>) parsed);
        }
        cli.putAll(cliMap);
        Map<String, Object> global = new LinkedHashMap<>();
        Map<String, Map<String, Object>> scoped = new LinkedHashMap<>();
        projectVars.forEach((k, v) -> {
            if (packages.contains(k) && v instanceof Map<?, ?> m) {
                scoped.put(k, (Map<String, Object>) m);
            } else {
                global.put(k, v);
            }
        });
        return new Vars(Collections.unmodifiableMap(cli), global, scoped);
    }

    /** The value of {@code name} for code in {@code packageName}, or {@link #MISSING}. */
    public Object lookup(String name, String packageName) {
        if (cli.containsKey(name)) {
            return cli.get(name);
        }
        Map<String, Object> own = scoped.get(packageName);
        if (own != null && own.containsKey(name)) {
            return own.get(name);
        }
        if (global.containsKey(name)) {
            return global.get(name);
        }
        return MISSING;
    }

    /** Everything visible to {@code packageName}, for error messages. */
    public Map<String, Object> visible(String packageName) {
        Map<String, Object> all = new LinkedHashMap<>(global);
        all.putAll(scoped.getOrDefault(packageName, Map.of()));
        all.putAll(cli);
        return all;
    }

    /** The variables given on the command line, for artifacts. */
    public Map<String, Object> cli() {
        return cli;
    }
}
