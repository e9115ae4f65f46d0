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
    /** Each package's own dbt_project.yml vars: the last resort for that package's code. */
    private final Map<String, Map<String, Object>> packageDefaults;

    private Vars(Map<String, Object> cli, Map<String, Object> global, Map<String, Map<String, Object>> scoped,
            Map<String, Map<String, Object>> packageDefaults) {
        this.cli = cli;
        this.global = global;
        this.scoped = scoped;
        this.packageDefaults = packageDefaults;
    }

    /**
     * @param projectVars dbt_project.yml's {@code vars}
     * @param packages names of the root project and installed packages (keys scoping vars)
     * @param cliText {@code --vars} text (YAML or JSON), or null
     * @param cliMap variables set through the library API
     */
    public static Vars of(Map<String, Object> projectVars, Set<String> packages, String cliText, Map<String, Object> cliMap) {
        return of(projectVars, packages, cliText, cliMap, Map.of());
    }

    /**
     * @param packageVars each installed package's own {@code vars} (its dbt_project.yml), used by its
     *     code when neither the command line nor the root project sets the variable
     */
    @SuppressWarnings("unchecked")
    public static Vars of(Map<String, Object> projectVars, Set<String> packages, String cliText, Map<String, Object> cliMap,
            Map<String, Map<String, Object>> packageVars) {
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
        Map<String, Map<String, Object>> defaults = new LinkedHashMap<>();
        packageVars.forEach((pkg, vars) -> {
            Map<String, Object> own = new LinkedHashMap<>();
            vars.forEach((k, v) -> {
                if (k.equals(pkg) && v instanceof Map<?, ?> m) {
                    ((Map<String, Object>) m).forEach(own::put); // a package may scope its vars under its own name
                } else if (!packages.contains(k)) {
                    own.put(k, v);
                }
            });
            defaults.put(pkg, own);
        });
        return new Vars(Collections.unmodifiableMap(cli), global, scoped, defaults);
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
        Map<String, Object> defaults = packageDefaults.get(packageName);
        if (defaults != null && defaults.containsKey(name)) {
            return defaults.get(name);
        }
        return MISSING;
    }

    /** Everything visible to {@code packageName}, for error messages. */
    public Map<String, Object> visible(String packageName) {
        Map<String, Object> all = new LinkedHashMap<>(packageDefaults.getOrDefault(packageName, Map.of()));
        all.putAll(global);
        all.putAll(scoped.getOrDefault(packageName, Map.of()));
        all.putAll(cli);
        return all;
    }

    /** The variables given on the command line, for artifacts. */
    public Map<String, Object> cli() {
        return cli;
    }
}
