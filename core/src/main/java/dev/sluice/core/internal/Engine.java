package dev.sluice.core.internal;

import dev.sluice.core.Sluice;
import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.DebugReport;
import dev.sluice.core.api.DocsResult;
import dev.sluice.core.api.FreshnessResult;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.Preview;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.artifacts.ArtifactMetadata;
import dev.sluice.core.internal.artifacts.Catalog;
import dev.sluice.core.internal.artifacts.CatalogWriter;
import dev.sluice.core.internal.artifacts.ExecutionDetails;
import dev.sluice.core.internal.artifacts.ManifestWriter;
import dev.sluice.core.internal.artifacts.RunResultsWriter;
import dev.sluice.core.internal.artifacts.SourcesWriter;
import dev.sluice.core.internal.compile.CompiledNode;
import dev.sluice.core.internal.compile.Compiler;
import dev.sluice.core.internal.docs.DocsSite;
import dev.sluice.core.internal.docs.LastRun;
import dev.sluice.core.internal.execute.Outcome;
import dev.sluice.core.internal.execute.Runner;
import dev.sluice.core.internal.freshness.FreshnessChecks;
import dev.sluice.core.internal.graph.ModelGraph;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.internal.project.ProjectConfig;
import dev.sluice.core.internal.select.Selector;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.AdapterContext;
import dev.sluice.core.spi.QueryResult;
import dev.sluice.core.spi.TargetConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Wires loading, selecting, compiling and executing for the facade; one per {@link Sluice}. */
public final class Engine implements AutoCloseable {
    private final LoadedProject project;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private Adapter adapter;

    private Engine(LoadedProject project) {
        this.project = project;
    }

    public static Engine load(Settings settings) {
        return new Engine(LoadedProject.load(settings));
    }

    public RunResult seed(Selection selection) {
        return execute("seed", selection, n -> n.resourceType() == ResourceType.SEED);
    }

    public RunResult run(Selection selection) {
        return execute("run", selection, n -> n.resourceType() == ResourceType.MODEL && !n.isEphemeral());
    }

    /** Seeds, models and data tests in DAG order; a model's tests run before what is built from it. */
    public RunResult build(Selection selection) {
        return execute("build", selection, n -> n.resourceType() == ResourceType.SEED
                || n.resourceType() == ResourceType.TEST || n.resourceType() == ResourceType.SNAPSHOT
                || n.resourceType() == ResourceType.UNIT_TEST
                || (n.resourceType() == ResourceType.MODEL && !n.isEphemeral()));
    }

    /** Snapshots of the selection ({@code dbt snapshot}). */
    public RunResult snapshot(Selection selection) {
        return execute("snapshot", selection, n -> n.resourceType() == ResourceType.SNAPSHOT);
    }

    /** Data tests of the selection ({@code dbt test}). */
    public RunResult test(Selection selection) {
        return execute("test", selection, n -> n.resourceType() == ResourceType.TEST
                || n.resourceType() == ResourceType.UNIT_TEST);
    }

    public RunResult compile(Selection selection) {
        return compileAll(selection).result();
    }

    private record Compiled(RunResult result, Compiler compiler) {
    }

    private Compiled compileAll(Selection selection) {
        cancelled.set(false);
        Compiler compiler = compiler().withDatabase(this::adapter); // connects only if a template runs a query
        List<Node> nodes = select(selection, n -> n.resourceType() == ResourceType.MODEL
                || n.resourceType() == ResourceType.ANALYSIS || n.resourceType() == ResourceType.TEST);
        startInvocation("compile", nodes);
        Map<String, ExecutionDetails> details = new ConcurrentHashMap<>();
        project.settings().listener().onEvent(new SluiceEvent.RunStarted("compile", nodes.size(), found(), threads(),
                project.target().name()));
        RunResult result = runner(threads()).run("compile", project.scope().invocationId(), nodes, n -> {
            Instant t0 = Instant.now();
            CompiledNode c = compiler.compile(n);
            details.put(n.uniqueId(), new ExecutionDetails(Thread.currentThread().getName(), c.sql(), n.relationName(),
                    t0, Instant.now()));
            return Outcome.success("compiled", -1);
        }, cancelled);
        writeArtifacts(result, compiler, details);
        return new Compiled(result, compiler);
    }

    /**
     * {@code dbt docs generate}: compiles every model, reads the catalog of the project's
     * relations (unless {@code emptyCatalog}), writes manifest.json, catalog.json and the site.
     */
    public DocsResult docsGenerate(boolean emptyCatalog) {
        Instant t0 = Instant.now();
        Path target = project.project().targetDir();
        // compiling rewrites run_results.json: keep what the last run said first
        LastRun lastRun = LastRun.read(target.resolve(RunResultsWriter.FILE_NAME));
        var layout = DocsSite.layout(project.parsed().manifest()); // meanwhile
        Compiled compiled = compileAll(Selection.all());
        Instant t1 = Instant.now();
        Manifest manifest = project.parsed().manifest();
        Catalog catalog = emptyCatalog ? Catalog.empty() : adapter().withConnection(c -> Catalog.read(c, manifest));
        Path catalogFile = new CatalogWriter(artifactMetadata("generate")).write(catalog, target);
        project.settings().listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.DEBUG, String.format(
                java.util.Locale.ROOT, "Docs: compile %.2fs, catalog %.2fs", java.time.Duration.between(t0, t1).toMillis()
                        / 1000.0, java.time.Duration.between(t1, Instant.now()).toMillis() / 1000.0), null));
        Map<String, String> sql = new LinkedHashMap<>();
        for (CompiledNode c : compiled.compiler().compiledNodes()) {
            sql.put(c.node().uniqueId(), c.sql());
        }
        DocsSite.Written site = new DocsSite(manifest, sql, catalog, lastRun, project.target().name(), threads(),
                project.settings().listener()).write(target, layout);
        int relations = catalog.nodes().size() + catalog.sources().size();
        project.settings().listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, "Catalog written to "
                + catalogFile.toAbsolutePath() + " (" + relations + " relations)", null));
        project.settings().listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, "Docs site written to "
                + site.index().toAbsolutePath() + " (" + site.pages() + " pages)", null));
        return new DocsResult(site.index(), catalogFile, site.pages(), site.bytes(), relations,
                java.time.Duration.between(t0, Instant.now()), compiled.result());
    }

    /**
     * {@code dbt source freshness}: checks the selected source tables that have a freshness
     * threshold and a loaded_at_field (warning about those without a loaded_at_field), and writes
     * manifest.json and sources.json, the latter to {@code output} (target/sources.json when null).
     */
    public FreshnessResult sourceFreshness(Selection selection, Path output) {
        cancelled.set(false);
        SluiceListener listener = project.settings().listener();
        Manifest manifest = project.parsed().manifest();
        Set<String> ids = selector().select(selection, this::warnUnmatched);
        List<SourceDef> sources = FreshnessChecks.checkable(manifest.sources().values().stream()
                .filter(s -> ids.contains(s.uniqueId())).toList(), project.target().type(), listener);
        listener.onEvent(new SluiceEvent.RunStarted("freshness", sources.size(), found(), threads(),
                project.target().name()));
        Instant start = Instant.now();
        List<FreshnessChecks.Checked> checked = sources.isEmpty() ? List.of()
                : new FreshnessChecks(adapter(), listener, threads(), cancelled, Engine::info).run(sources);
        RunResult run = new RunResult("freshness", project.scope().invocationId(), start,
                java.time.Duration.between(start, Instant.now()), checked.stream().map(c -> c.freshness().result()).toList());
        listener.onEvent(new SluiceEvent.RunFinished(run));
        Path target = project.project().targetDir();
        Path file = output == null ? target.resolve(SourcesWriter.FILE_NAME) : output.toAbsolutePath().normalize();
        FreshnessResult result = new FreshnessResult(run, checked.stream().map(FreshnessChecks.Checked::freshness)
                .toList(), file);
        Map<String, ExecutionDetails> details = new LinkedHashMap<>();
        checked.forEach(c -> details.put(c.freshness().result().node().uniqueId(), c.details()));
        ArtifactMetadata meta = artifactMetadata("source freshness");
        new ManifestWriter(meta).write(manifest, Map.of(), target);
        new SourcesWriter(meta).write(result, manifest, details, file);
        return result;
    }

    /** {@code dbt run-operation}: calls macro {@code name} with {@code args} (keyword arguments). */
    public Object runOperation(String name, Map<String, Object> args) {
        project.settings().listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.DEBUG, "Running operation "
                + name, null));
        startInvocation("run-operation", List.of());
        return compiler().withDatabase(this::adapter).callOperation(name, args);
    }

    public String compileInline(String sql) {
        return compiler().compileInline(sql);
    }

    public List<Preview> show(Selection selection, int limit) {
        Compiler compiler = compiler();
        List<Node> nodes = select(selection, n -> n.resourceType() == ResourceType.MODEL
                || n.resourceType() == ResourceType.ANALYSIS || n.resourceType() == ResourceType.SEED);
        List<Preview> out = new ArrayList<>();
        for (Node n : nodes.stream().sorted(Comparator.comparing(Node::name)).toList()) {
            String sql = n.resourceType() == ResourceType.SEED ? "select * from " + n.relationName()
                    : compiler.compile(n).sql();
            out.add(preview(n.name(), sql, limit, n.originalFilePath()));
        }
        return out;
    }

    public Preview showInline(String sql, int limit) {
        return preview("inline_query", compiler().compileInline(sql), limit, "inline");
    }

    private Preview preview(String name, String sql, int limit, String file) {
        if (limit < 0) {
            throw SluiceException.user("show.limit", null, "Cannot show " + limit + " rows: use a limit of 0 or more");
        }
        String query = "select * from (\n" + stripSemicolon(sql) + "\n) as sluice_show_subq limit " + limit;
        try {
            QueryResult r = adapter().withConnection(c -> c.query(query));
            return new Preview(name, r.columns(), r.rows());
        } catch (DatabaseException e) {
            throw e.relocate(Location.of(file), "Cannot show " + name + " (SQLSTATE " + e.sqlState() + "): " + e.reason());
        }
    }

    private static String stripSemicolon(String sql) {
        String s = sql.strip();
        return s.endsWith(";") ? s.substring(0, s.length() - 1) : s;
    }

    public List<NodeInfo> list(Selection selection) {
        Set<String> ids = selector().select(selection);
        List<NodeInfo> out = new ArrayList<>();
        for (String id : project.graph().sort(ids)) {
            Node n = project.parsed().manifest().nodeOrUnitTest(id);
            if (n != null) {
                out.add(info(n));
            }
            SourceDef s = project.parsed().manifest().sources().get(id);
            if (s != null) {
                out.add(info(s));
            }
            dev.sluice.core.internal.model.ExposureDef e = project.parsed().manifest().exposures().get(id);
            if (e != null) {
                out.add(new NodeInfo(e.uniqueId(), e.name(), ResourceType.EXPOSURE, e.originalFilePath(), null, null,
                        e.tags(), e.fqn()));
            }
        }
        return out;
    }

    public DebugReport debug() {
        TargetConfig t = project.target();
        Map<String, Object> shown = new LinkedHashMap<>();
        t.settings().forEach((k, v) -> shown.put(k, TargetConfig.isSecret(k) ? "****" : v));
        List<String> problems = new ArrayList<>();
        boolean connected = false;
        String connection;
        try {
            adapter().withConnection(c -> c.query("select 1"));
            connected = true;
            connection = adapter().describe();
        } catch (SluiceException e) {
            connection = e.getMessage();
            problems.add(e.getMessage());
        }
        return new DebugReport(Sluice.VERSION, Sluice.DBT_VERSION, project.project().dir().toString(),
                project.project().name(), project.profilesFile() == null ? null : project.profilesFile().toString(),
                t.profile(), t.name(), t.type(), shown, connected, connection, problems);
    }

    /** {@code text} with the values of this project's secrets (passwords, secret env vars) replaced by ****. */
    public String scrub(String text) {
        return project.scope().invocation().scrub(text);
    }

    public List<Path> clean() {
        return clean(project.project());
    }

    /** Deletes the clean-targets of {@code project}; needs nothing else (not its packages), as dbt clean. */
    public static List<Path> clean(ProjectConfig project) {
        List<Path> deleted = new ArrayList<>();
        Path dir = project.dir();
        for (String target : project.cleanTargets()) {
            Path p = dir.resolve(target).normalize();
            if (!p.startsWith(dir) || p.equals(dir)) {
                throw SluiceException.user("clean.outside", Location.of("dbt_project.yml"), "Cannot clean '" + target
                        + "': clean-targets must be inside the project directory");
            }
            if (Files.exists(p)) {
                deleteTree(p);
                deleted.add(p);
            }
        }
        return deleted;
    }

    public void cancel() {
        cancelled.set(true);
        Adapter a;
        synchronized (this) {
            a = adapter;
        }
        if (a != null) {
            a.cancelAll();
        }
    }

    @Override
    public synchronized void close() {
        if (adapter != null) {
            adapter.close();
            adapter = null;
        }
    }

    // ---- running ----------------------------------------------------------------------------

    private RunResult execute(String command, Selection selection, Predicate<Node> runs) {
        cancelled.set(false);
        return execute(command, select(selection, runs));
    }

    private RunResult execute(String command, List<Node> nodes) {
        return execute(command, nodes, Builds::build);
    }

    /** Runs {@code work} on {@code nodes} (in DAG order, with the on-run hooks) and writes the artifacts. */
    private RunResult execute(String command, List<Node> nodes,
            java.util.function.BiFunction<Builds, Node, Outcome> work) {
        cancelled.set(false);
        startInvocation(command, nodes);
        // is_incremental() holds when the model's table is there (and no full refresh is asked)
        Compiler compiler = new Compiler(project.scope(), project.parsed().manifest(), project.parsed().templates(),
                n -> adapter().withConnection(c -> Builds.existingTable(c, dev.sluice.core.spi.Relation.of(n.database(),
                        n.schema(), n.alias(), dev.sluice.core.spi.RelationType.TABLE))),
                project.settings().fullRefresh()).withDatabase(this::adapter).withDeferral(deferral(nodes));
        project.settings().listener().onEvent(new SluiceEvent.RunStarted(command, nodes.size(), found(), threads(),
                project.target().name()));
        Map<String, ExecutionDetails> details = new ConcurrentHashMap<>();
        RunResult result;
        if (nodes.isEmpty()) {
            result = new RunResult(command, project.scope().invocationId(), Instant.now(), java.time.Duration.ZERO, List.of());
            project.settings().listener().onEvent(new SluiceEvent.RunFinished(result));
        } else {
            Adapter a = adapter();
            Builds builds = new Builds(project, a, compiler, details);
            builds.createSchemas(nodes);
            Map<String, Object> hookContext = new LinkedHashMap<>();
            hookContext.put("schemas", nodes.stream().map(Node::schema).filter(java.util.Objects::nonNull).distinct().toList());
            hookContext.put("database_schemas", nodes.stream().filter(n -> n.schema() != null)
                    .map(n -> List.of(n.database() == null ? "" : n.database(), n.schema())).distinct().toList());
            runProjectHooks(a, compiler, "on-run-start", project.project().onRunStart(), hookContext);
            ModelGraph graph = command.equals("build") ? project.graph().withTestsBeforeChildren(attachedNodes(nodes))
                    : project.graph();
            result = runner(graph, threads()).run(command, project.scope().invocationId(), nodes,
                    n -> work.apply(builds, n), cancelled);
            hookContext.put("results", hookResults(result));
            runProjectHooks(a, compiler, "on-run-end", project.project().onRunEnd(), hookContext);
        }
        writeArtifacts(result, compiler, details);
        return result;
    }

    /** What templates see of this command: flags (WHICH, FULL_REFRESH, ...) and selected_resources. */
    private void startInvocation(String command, List<Node> nodes) {
        Map<String, Object> flags = new LinkedHashMap<>();
        flags.put("WHICH", command);
        flags.put("FULL_REFRESH", project.settings().fullRefresh());
        flags.put("STORE_FAILURES", project.settings().flags().storeFailures());
        flags.put("FAIL_FAST", project.settings().failFast());
        flags.put("DEFER", project.settings().flags().deferState() != null);
        flags.put("FAVOR_STATE", project.settings().flags().favorState());
        flags.put("EVENT_TIME_START", project.settings().flags().eventTimeStart());
        flags.put("EVENT_TIME_END", project.settings().flags().eventTimeEnd());
        flags.put("THREADS", (long) threads());
        flags.put("TARGET", project.target().name());
        flags.put("PROFILES_DIR", project.profilesFile() == null ? null : project.profilesFile().getParent().toString());
        flags.put("PROJECT_DIR", project.project().dir().toString());
        Map<String, Object> copy = new java.util.HashMap<>();
        flags.forEach((k, v) -> {
            if (v != null) {
                copy.put(k, v);
            }
        });
        project.scope().invocation().start(copy, nodes.stream().map(Node::uniqueId).toList());
    }

    /**
     * dbt's --defer: for a node this invocation does not run, the relation of the deferred-to run
     * when the node's own relation is missing from the target (or always, with --favor-state);
     * null when there is no deferral.
     */
    private java.util.function.Function<Node, dev.sluice.core.spi.Relation> deferral(List<Node> running) {
        Path dir = project.settings().flags().deferState();
        if (dir == null) {
            return null;
        }
        dev.sluice.core.internal.select.State state = dev.sluice.core.internal.select.State.load(dir);
        Set<String> selected = new java.util.HashSet<>();
        running.forEach(n -> selected.add(n.uniqueId()));
        boolean favor = project.settings().flags().favorState();
        Map<List<String>, Set<String>> existing = new ConcurrentHashMap<>();
        return n -> {
            if (selected.contains(n.uniqueId()) || n.isEphemeral()) {
                return null;
            }
            dev.sluice.core.spi.Relation other = state.relation(n.uniqueId());
            if (other == null) {
                return null;
            }
            if (!favor) {
                Set<String> here = existing.computeIfAbsent(java.util.Arrays.asList(n.database(), n.schema()),
                        k -> adapter().withConnection(c -> {
                            Set<String> names = new java.util.HashSet<>();
                            c.listRelations(n.database(), n.schema()).forEach(r -> names.add(r.identifier()));
                            return names;
                        }));
                if (here.contains(n.alias())) {
                    return null;
                }
            }
            return other;
        };
    }

    /**
     * dbt clone: each selected model, seed and snapshot becomes, in the target, a view of the
     * relation the other run (its artifacts in {@code --state}) built; relations that exist in
     * the target are left alone unless --full-refresh.
     */
    public RunResult cloneFromState(Selection selection) {
        cancelled.set(false);
        Path dir = selection.state() != null ? selection.state() : project.settings().flags().deferState();
        if (dir == null) {
            throw SluiceException.user("clone.state", (Location) null, "Cannot clone: give --state DIR, the target "
                    + "directory of the run whose relations to clone");
        }
        dev.sluice.core.internal.select.State state = dev.sluice.core.internal.select.State.load(dir);
        List<Node> nodes = select(selection, n -> n.resourceType() == ResourceType.SEED
                || n.resourceType() == ResourceType.SNAPSHOT || (n.resourceType() == ResourceType.MODEL && !n.isEphemeral()));
        return execute("clone", nodes, (builds, n) -> builds.cloneFrom(state, n));
    }

    /**
     * dbt retry: runs again, with the same command, the nodes the last run (target/run_results.json)
     * reported as error, fail or skipped.
     */
    public RunResult retry() {
        Path file = project.project().targetDir().resolve("run_results.json");
        if (!Files.isRegularFile(file)) {
            throw SluiceException.user("retry.nothing", Location.of(project.project().targetPath() + "/run_results.json"),
                    "Cannot retry: there is no run_results.json from an earlier run in " + project.project().targetPath()
                            + "/");
        }
        com.fasterxml.jackson.databind.JsonNode previous;
        try {
            previous = new com.fasterxml.jackson.databind.ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw SluiceException.user("retry.read", Location.of(file.toString()), "Cannot read " + file + ": "
                    + e.getMessage(), e);
        }
        String command = previous.path("args").path("which").asText("");
        Predicate<Node> runs = switch (command) {
            case "build" -> n -> true;
            case "run" -> n -> n.resourceType() == ResourceType.MODEL && !n.isEphemeral();
            case "seed" -> n -> n.resourceType() == ResourceType.SEED;
            case "snapshot" -> n -> n.resourceType() == ResourceType.SNAPSHOT;
            case "test" -> n -> n.resourceType() == ResourceType.TEST || n.resourceType() == ResourceType.UNIT_TEST;
            default -> throw SluiceException.user("retry.command", Location.of(file.toString()), "Cannot retry '"
                    + command + "': retry re-runs seed, run, snapshot, test and build");
        };
        Set<String> failed = new java.util.HashSet<>();
        for (com.fasterxml.jackson.databind.JsonNode r : previous.path("results")) {
            String status = r.path("status").asText();
            if (status.equals("error") || status.equals("fail") || status.equals("skipped")
                    || status.equals("runtime error")) {
                failed.add(r.path("unique_id").asText());
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (String id : project.graph().sort(failed.stream().filter(project.graph()::contains).toList())) {
            Node n = project.parsed().manifest().nodeOrUnitTest(id);
            if (n != null && runs.test(n) && (!command.equals("build") || buildable(n))) {
                nodes.add(n);
            }
        }
        if (nodes.isEmpty()) {
            project.settings().listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO,
                    "Nothing to retry: the last " + command + " had no errors, failures or skipped nodes", null));
        }
        return execute(command, nodes);
    }

    private static boolean buildable(Node n) {
        return n.resourceType() == ResourceType.SEED || n.resourceType() == ResourceType.TEST
                || n.resourceType() == ResourceType.SNAPSHOT || n.resourceType() == ResourceType.UNIT_TEST
                || (n.resourceType() == ResourceType.MODEL && !n.isEphemeral());
    }

    /** Runs dbt_project.yml's on-run-start or on-run-end hooks, each rendered then executed; a failure stops the command. */
    private void runProjectHooks(Adapter a, Compiler compiler, String kind, List<String> hooks, Map<String, Object> context) {
        if (hooks.isEmpty()) {
            return;
        }
        SluiceListener listener = project.settings().listener();
        listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, "Running " + hooks.size() + " " + kind + " "
                + (hooks.size() == 1 ? "hook" : "hooks"), null));
        for (int i = 0; i < hooks.size(); i++) {
            String where = kind + " hook " + (i + 1) + " of dbt_project.yml";
            String sql = compiler.renderProjectHook(hooks.get(i), where, context);
            if (sql.isBlank()) {
                continue;
            }
            Instant t0 = Instant.now();
            try {
                a.withConnection(c -> c.execute(sql));
            } catch (DatabaseException e) {
                throw e.relocate(Location.of("dbt_project.yml"), "Database error in " + where + " (SQLSTATE "
                        + e.sqlState() + "): " + e.reason());
            }
            listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, String.format(java.util.Locale.ROOT,
                    "%d of %d OK hook: %s.%s.%d in %.2fs", i + 1, hooks.size(), project.project().name(), kind, i,
                    java.time.Duration.between(t0, Instant.now()).toMillis() / 1000.0), null));
        }
    }

    /** The run's results as on-run-end hooks read them: node, status, message, execution_time, failures. */
    private static List<Map<String, Object>> hookResults(RunResult run) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (dev.sluice.core.api.NodeResult r : run.results()) {
            Map<String, Object> node = new LinkedHashMap<>();
            node.put("unique_id", r.node().uniqueId());
            node.put("name", r.node().name());
            node.put("resource_type", r.node().resourceType().dbtName());
            node.put("relation_name", r.node().relation());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("node", node);
            m.put("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            m.put("message", r.message());
            m.put("execution_time", r.elapsed().toNanos() / 1e9);
            m.put("failures", r.status() == dev.sluice.core.api.NodeStatus.FAIL || r.status()
                    == dev.sluice.core.api.NodeStatus.WARN ? r.rowsAffected() : null);
            out.add(m);
        }
        return out;
    }

    private List<Node> select(Selection selection, Predicate<Node> runs) {
        Selector selector = selector();
        Set<String> ids = selector.select(selection, this::warnUnmatched);
        List<Node> out = new ArrayList<>();
        for (String id : project.graph().sort(ids)) {
            Node n = project.parsed().manifest().nodeOrUnitTest(id);
            if (n != null && runs.test(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private void warnUnmatched(String spec) {
        project.settings().listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN,
                "The selection criterion '" + spec + "' does not match any enabled nodes", null));
    }

    private Selector selector() {
        return new Selector(project.parsed().manifest(), project.graph(), yamlSelectors());
    }

    private volatile Map<String, Object> yamlSelectors;

    /**
     * selectors.yml's selectors by name ({@code definition}, and {@code __default__} for the one
     * marked {@code default: true}); none when the project has no selectors.yml.
     */
    private Map<String, Object> yamlSelectors() {
        Map<String, Object> cached = yamlSelectors;
        if (cached != null) {
            return cached;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        Path file = project.project().dir().resolve("selectors.yml");
        if (Files.isRegularFile(file)) {
            String text;
            try {
                text = Files.readString(file);
            } catch (IOException e) {
                throw SluiceException.user("select.selectors", Location.of("selectors.yml"), "Cannot read selectors.yml: "
                        + e.getMessage(), e);
            }
            dev.sluice.core.internal.yaml.YamlDoc doc = dev.sluice.core.internal.yaml.YamlDoc.parse("selectors.yml", text);
            Object list = doc.rootMap().get("selectors");
            for (Object entry : dev.sluice.core.internal.yaml.Yaml.list(doc, list, "selectors in selectors.yml")) {
                Map<String, Object> m = dev.sluice.core.internal.yaml.Yaml.map(doc, entry, "a selector in selectors.yml");
                String name = dev.sluice.core.internal.yaml.Yaml.string(doc, m.get("name"), "selector name");
                if (name == null || !m.containsKey("definition")) {
                    throw SluiceException.user("select.selectors", doc.locate(m), "Cannot read selectors.yml: each"
                            + " selector needs a name and a definition");
                }
                Map<String, Object> def = new LinkedHashMap<>();
                def.put("definition", m.get("definition"));
                def.put("__default__", Boolean.TRUE.equals(m.get("default")));
                out.put(name, def);
            }
        }
        yamlSelectors = out;
        return out;
    }

    private Runner runner(int threads) {
        return runner(project.graph(), threads);
    }

    private Runner runner(ModelGraph graph, int threads) {
        return new Runner(graph, project.settings().listener(), threads, project.settings().failFast(),
                this::cancelRunning, Engine::describe, Engine::info);
    }

    /** Each selected test and the node it tests. */
    private static Map<String, String> attachedNodes(List<Node> nodes) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Node n : nodes) {
            if (n.resourceType() == ResourceType.TEST) {
                String attached = n.test() != null ? n.test().attachedNode()
                        : n.dependsOnNodes().isEmpty() ? null : n.dependsOnNodes().get(0);
                if (attached != null) {
                    out.put(n.uniqueId(), attached);
                }
            }
        }
        return out;
    }

    private void cancelRunning() {
        Adapter a;
        synchronized (this) {
            a = adapter;
        }
        if (a != null) {
            a.cancelAll();
        }
    }

    private int threads() {
        return Math.max(1, project.target().threads());
    }

    private Compiler compiler() {
        return new Compiler(project.scope(), project.parsed().manifest(), project.parsed().templates());
    }

    private synchronized Adapter adapter() {
        if (adapter == null) {
            Path dir = project.project().dir();
            Map<String, String> env = project.settings().environment();
            int threads = threads();
            adapter = project.factory().create(project.target(), new AdapterContext() {
                @Override
                public Path projectDir() {
                    return dir;
                }

                @Override
                public int threads() {
                    return threads;
                }

                @Override
                public Map<String, String> environment() {
                    return env;
                }
            });
        }
        return adapter;
    }

    static String describe(Node n) {
        return switch (n.resourceType()) {
            case SEED -> "seed file " + n.displayRelation();
            case SNAPSHOT -> "snapshot " + n.displayRelation();
            case MODEL -> "sql " + n.materialized() + " model " + n.displayRelation();
            case ANALYSIS -> "analysis " + n.name();
            default -> n.resourceType().dbtName() + " " + n.name();
        };
    }

    static NodeInfo info(SourceDef s) {
        return new NodeInfo(s.uniqueId(), s.name(), ResourceType.SOURCE, s.originalFilePath(), null,
                s.schema() + "." + s.identifier(), s.tags(), s.fqn());
    }

    static NodeInfo info(Node n) {
        return new NodeInfo(n.uniqueId(), n.name(), n.resourceType(), n.originalFilePath(), n.materialized(),
                n.relationName() == null ? null : n.displayRelation(), n.tags(), n.fqn());
    }

    /** dbt's "Found ..." counts of the whole project: "7 models, 3 seeds, 2 sources, 40 macros". */
    private String found() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Node n : project.parsed().manifest().nodes().values()) {
            String kind = switch (n.resourceType()) {
                case ANALYSIS -> "analysis";
                case TEST -> "data test";
                default -> n.resourceType().dbtName();
            };
            counts.merge(kind, 1, Integer::sum);
        }
        if (!project.parsed().manifest().unitTests().isEmpty()) {
            counts.put("unit test", project.parsed().manifest().unitTests().size());
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((k, v) -> parts.add(v + " " + plural(k, v)));
        int sources = project.parsed().manifest().sources().size();
        parts.add(sources + " " + plural("source", sources));
        int macros = project.parsed().manifest().macros().size();
        parts.add(macros + " " + plural("macro", macros));
        int exposures = project.parsed().manifest().exposures().size();
        if (exposures > 0) {
            parts.add(exposures + " " + plural("exposure", exposures));
        }
        return String.join(", ", parts);
    }

    private static String plural(String word, int n) {
        if (n == 1) {
            return word;
        }
        return word.equals("analysis") ? "analyses" : word + "s";
    }

    private void writeArtifacts(RunResult result, Compiler compiler, Map<String, ExecutionDetails> details) {
        ArtifactMetadata meta = artifactMetadata(result.command());
        Path target = project.project().targetDir();
        Map<String, dev.sluice.core.internal.artifacts.CompiledNode> compiled = new LinkedHashMap<>();
        for (CompiledNode c : compiler.compiledNodes()) {
            List<dev.sluice.core.internal.artifacts.CompiledNode.InjectedCte> ctes = new ArrayList<>();
            c.ctes().forEach(x -> ctes.add(new dev.sluice.core.internal.artifacts.CompiledNode.InjectedCte(x.id(), x.sql())));
            compiled.put(c.node().uniqueId(), new dev.sluice.core.internal.artifacts.CompiledNode(c.compiledPath(),
                    c.sql(), ctes));
        }
        new ManifestWriter(meta).write(project.parsed().manifest(), compiled, target);
        new RunResultsWriter(meta).write(result, project.parsed().manifest(), details, target);
    }

    private ArtifactMetadata artifactMetadata(String command) {
        ArtifactMetadata.Builder builder = ArtifactMetadata.builder(project.project().name(), project.target().type());
        project.target().settings().forEach((k, v) -> {
            if (TargetConfig.isSecret(k) && v != null && v.toString().length() >= 4) {
                builder.secret(v.toString());
            }
        });
        project.scope().invocation().secrets().forEach(builder::secret);
        return builder
                .invocationId(project.scope().invocationId())
                .generatedAt(Instant.now())
                .invocationStartedAt(project.scope().runStartedAt())
                .environment(project.settings().environment())
                .arg("which", command)
                .arg("threads", threads())
                .arg("target", project.target().name())
                .projectRoot(project.project().dir().toString())
                .quoting(true, true, true, null)
                .build();
    }

    private static void deleteTree(Path p) {
        try (Stream<Path> s = Files.walk(p)) {
            for (Path f : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        } catch (IOException e) {
            throw SluiceException.user("clean.delete", Location.of(p.toString()), "Cannot delete " + p + ": " + e.getMessage(), e);
        }
    }

    /** Exposed for tests: the loaded project. */
    public LoadedProject project() {
        return project;
    }
}
