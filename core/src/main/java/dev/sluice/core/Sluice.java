package dev.sluice.core;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.DebugReport;
import dev.sluice.core.api.DepsResult;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.FreshnessResult;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.Preview;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.Engine;
import dev.sluice.core.internal.Settings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sluice as a library: configure a dbt project, load it, then run commands that return result
 * records. Loading reads and parses the project; commands connect to the target when they need
 * to. Instances are independent: two can run at once in one JVM on different targets.
 *
 * <pre>{@code
 * try (Sluice sluice = Sluice.configure().projectDir(Path.of("my_project")).target("dev").threads(4).load()) {
 *     RunResult result = sluice.build(Selection.all());
 *     System.out.println(result.success());
 * }
 * }</pre>
 * The library never prints and never exits; progress is reported to a {@link SluiceListener}.
 */
public final class Sluice implements AutoCloseable {
    /** The version of dbt whose behaviour and artifacts Sluice follows. */
    public static final String DBT_VERSION = "1.10.0";
    /** Sluice's own version. */
    public static final String VERSION = "0.1.0";

    private final Engine engine;

    private Sluice(Engine engine) {
        this.engine = engine;
    }

    public static Configuration configure() {
        return new Configuration();
    }

    /** Loads seeds ({@code dbt seed}). */
    public RunResult seed(Selection selection) {
        return engine.seed(selection);
    }

    /** Builds models ({@code dbt run}). */
    public RunResult run(Selection selection) {
        return engine.run(selection);
    }

    /** Runs the selected snapshots ({@code dbt snapshot}). */
    public RunResult snapshot(Selection selection) {
        return engine.snapshot(selection);
    }

    /** Runs the selected data tests, and those of the selected nodes ({@code dbt test}). */
    public RunResult test(Selection selection) {
        return engine.test(selection);
    }

    /**
     * Loads seeds, builds models and runs data tests in DAG order ({@code dbt build}): a model's
     * tests run right after it, and a failing test skips what is built from that model.
     */
    public RunResult build(Selection selection) {
        return engine.build(selection);
    }

    /**
     * Checks how fresh the selected source tables are ({@code dbt source freshness}): for each one
     * with a freshness threshold and a loaded_at_field, the age of its newest row against
     * error_after and warn_after. Writes target/sources.json (and manifest.json).
     */
    public FreshnessResult sourceFreshness(Selection selection) {
        return engine.sourceFreshness(requireNonNull(selection, "selection is null"), null);
    }

    /**
     * As {@link #sourceFreshness(Selection)}, writing the results to {@code output} instead of
     * target/sources.json (dbt's {@code --output}; a relative path is taken from the working directory).
     */
    public FreshnessResult sourceFreshness(Selection selection, Path output) {
        return engine.sourceFreshness(requireNonNull(selection, "selection is null"), requireNonNull(output,
                "output is null"));
    }

    /** Compiles nodes to SQL under target/compiled without running them ({@code dbt compile}). */
    /**
     * dbt retry: runs again, with the same command as the last run, the nodes that run reported
     * as error, fail or skipped (read from target/run_results.json).
     */
    public RunResult retry() {
        return engine.retry();
    }

    /**
     * dbt clone: each selected model, seed and snapshot becomes a view of the relation the run in
     * {@code selection.state()} (or {@code defer(...)}'s directory) built; existing relations are
     * left alone unless fullRefresh.
     */
    public RunResult cloneFromState(Selection selection) {
        return engine.cloneFromState(selection);
    }

    public RunResult compile(Selection selection) {
        return engine.compile(selection);
    }

    /** The compiled SQL of a snippet rendered in the project's context ({@code dbt compile --inline}). */
    public String compileInline(String sql) {
        return engine.compileInline(requireNonNull(sql, "sql is null"));
    }

    /**
     * The first {@code limit} rows of each selected model, analysis or seed, compiled and run
     * without building anything ({@code dbt show}).
     */
    public List<Preview> show(Selection selection, int limit) {
        return engine.show(selection, limit);
    }

    /** The first {@code limit} rows of a SQL snippet compiled in the project's context ({@code dbt show --inline}). */
    public Preview showInline(String sql, int limit) {
        return engine.showInline(requireNonNull(sql, "sql is null"), limit);
    }

    /**
     * Writes the docs ({@code dbt docs generate}): compiles every model, reads the catalog of the
     * project's relations, and writes manifest.json, catalog.json and the HTML site (index.html
     * and docs/) into the target directory.
     */
    public DocsResult docsGenerate() {
        return engine.docsGenerate(false);
    }

    /** As {@link #docsGenerate()}; with {@code emptyCatalog}, without reading the catalog (no database needed). */
    public DocsResult docsGenerate(boolean emptyCatalog) {
        return engine.docsGenerate(emptyCatalog);
    }

    /**
     * Calls a project macro ({@code dbt run-operation}) with keyword arguments given as YAML or
     * JSON ({@code "{days: 7}"}, null for none); returns what the macro returns.
     */
    public Object runOperation(String macro, String argsYamlOrJson) {
        requireNonNull(macro, "macro is null");
        Map<String, Object> args = new java.util.LinkedHashMap<>();
        if (argsYamlOrJson != null && !argsYamlOrJson.isBlank()) {
            Object parsed = dev.sluice.core.internal.yaml.YamlDoc.parse("--args", argsYamlOrJson).root();
            if (!(parsed instanceof Map<?, ?> m)) {
                throw SluiceException.user("operation.args", null, "Cannot read --args: expected a YAML or JSON mapping"
                        + " such as '{days: 7}', got '" + argsYamlOrJson + "'");
            }
            m.forEach((k, v) -> args.put(String.valueOf(k), v));
        }
        return engine.runOperation(macro, args);
    }

    /** Where the project writes its artifacts and site (dbt's target-path). */
    public Path targetDir() {
        return engine.project().project().targetDir();
    }

    /** The selected nodes ({@code dbt ls}). */
    public List<NodeInfo> list(Selection selection) {
        return engine.list(selection);
    }

    /** Checks configuration and the connection ({@code dbt debug}). */
    public DebugReport debug() {
        return engine.debug();
    }

    /** Deletes the project's clean-targets ({@code dbt clean}); returns what was deleted. */
    public List<Path> clean() {
        return engine.clean();
    }

    /** Cancels a running command: queries are cancelled on the server; the command returns soon after. */
    /**
     * {@code text} with the values of secrets replaced by {@code ****}: the target's password and
     * other secret settings, {@code DBT_ENV_SECRET_*} variables, and what {@code env_var()} read from
     * variables named like secrets (SECRET, PASSWORD, TOKEN, ...). For embedders that log what
     * Sluice tells them; the CLI scrubs its output and log file with it.
     */
    public String scrub(String text) {
        return engine.scrub(text);
    }

    public void cancel() {
        engine.cancel();
    }

    /** Releases connections (and stops an embedded database this instance started). */
    @Override
    public void close() {
        engine.close();
    }

    /** Options for {@link #load()}; defaults are dbt's. */
    public static final class Configuration {
        private Path projectDir = Path.of(".");
        private Path profilesDir;
        private String target;
        private String profile;
        private final Map<String, Object> vars = new LinkedHashMap<>();
        private String varsText;
        private Integer threads;
        private boolean fullRefresh;
        private boolean failFast;
        private SluiceListener listener = SluiceListener.NONE;
        private Map<String, String> environment = System.getenv();
        private boolean storeFailures;
        private Path deferState;
        private boolean favorState;
        private String eventTimeStart;
        private String eventTimeEnd;

        private Configuration() {
        }

        public Configuration projectDir(Path dir) {
            this.projectDir = requireNonNull(dir, "dir is null");
            return this;
        }

        /** Where profiles.yml is; when unset, as dbt: DBT_PROFILES_DIR, the project dir, then ~/.dbt. */
        public Configuration profilesDir(Path dir) {
            this.profilesDir = dir;
            return this;
        }

        /** The profile's output to use; its {@code target:} when unset. */
        public Configuration target(String target) {
            this.target = target;
            return this;
        }

        /** The profile to use instead of the project's {@code profile:}. */
        public Configuration profile(String profile) {
            this.profile = profile;
            return this;
        }

        /** A variable, as {@code --vars} would set it. */
        public Configuration var(String name, Object value) {
            vars.put(requireNonNull(name, "name is null"), value);
            return this;
        }

        /** Variables as {@code --vars} text: a YAML or JSON mapping. */
        public Configuration vars(String yamlOrJson) {
            this.varsText = yamlOrJson;
            return this;
        }

        public Configuration threads(int threads) {
            if (threads < 1) {
                throw SluiceException.user("config.threads", null, "Cannot use " + threads + " threads: use 1 or more");
            }
            this.threads = threads;
            return this;
        }

        public Configuration fullRefresh(boolean fullRefresh) {
            this.fullRefresh = fullRefresh;
            return this;
        }

        /** dbt's --store-failures: every test keeps its failing rows unless its own config says otherwise. */
        public Configuration storeFailures(boolean storeFailures) {
            this.storeFailures = storeFailures;
            return this;
        }

        /**
         * dbt's --defer --state DIR: a ref to a node this invocation does not select, and whose
         * relation does not exist in the target, reads the relation of the run whose artifacts are in
         * {@code stateDir} instead (null: no deferral).
         */
        public Configuration defer(Path stateDir) {
            this.deferState = stateDir;
            return this;
        }

        /** dbt's --favor-state: with {@link #defer(Path)}, defer even when the relation exists in the target. */
        public Configuration favorState(boolean favorState) {
            this.favorState = favorState;
            return this;
        }

        /** dbt's --event-time-start / --event-time-end: the window microbatch models build (ISO dates or times, or null). */
        public Configuration eventTime(String start, String end) {
            this.eventTimeStart = start;
            this.eventTimeEnd = end;
            return this;
        }

        /** Stop at the first failure instead of running what does not depend on it. */
        public Configuration failFast(boolean failFast) {
            this.failFast = failFast;
            return this;
        }

        public Configuration listener(SluiceListener listener) {
            this.listener = requireNonNull(listener, "listener is null");
            return this;
        }

        /** Environment variables for {@code env_var()} and profile lookup (default: the process's). */
        public Configuration environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Installs the project's packages ({@code dbt deps}) from packages.yml or dependencies.yml
         * into its packages-install-path and writes package-lock.yml; a lock that matches the
         * packages is installed as it pins them. Does not load the project (which needs them).
         *
         * @throws SluiceException naming packages.yml's line when a package cannot be resolved or fetched
         */
        public DepsResult deps() {
            return dev.sluice.core.internal.deps.Installer.install(settings());
        }

        /**
         * Deletes the project's clean-targets ({@code dbt clean}) without loading the project, so
         * that it works when the packages it needs are not installed; returns what was deleted.
         */
        public List<Path> clean() {
            Settings settings = settings();
            return Engine.clean(dev.sluice.core.internal.LoadedProject.projectFile(settings));
        }

        private Settings settings() {
            return new Settings(projectDir.toAbsolutePath().normalize(), profilesDir, target, profile,
                    Map.copyOf(new LinkedHashMap<>(vars)), varsText, threads, fullRefresh, failFast, listener,
                    environment, new Settings.Flags(storeFailures, deferState == null ? null
                            : deferState.toAbsolutePath().normalize(), favorState, eventTimeStart, eventTimeEnd));
        }

        /**
         * Reads and parses the project.
         *
         * @throws SluiceException with file and line when the project, profile or a model is invalid
         */
        public Sluice load() {
            return new Sluice(Engine.load(settings()));
        }
    }
}
