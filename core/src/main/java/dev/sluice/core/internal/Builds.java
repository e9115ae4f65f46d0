package dev.sluice.core.internal;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.context.MacroRegistry;
import dev.sluice.core.internal.artifacts.ExecutionDetails;
import dev.sluice.core.internal.compile.CompiledNode;
import dev.sluice.core.internal.compile.Compiler;
import dev.sluice.core.internal.execute.ContractCheck;
import dev.sluice.core.internal.execute.ContractTable;
import dev.sluice.core.internal.execute.FailedStatement;
import dev.sluice.core.internal.execute.Incremental;
import dev.sluice.core.internal.execute.Materializer;
import dev.sluice.core.internal.execute.Outcome;
import dev.sluice.core.internal.execute.Snapshots;
import dev.sluice.core.internal.export.ExportSpec;
import dev.sluice.core.internal.export.Exporter;
import dev.sluice.core.internal.io.OutputFiles;
import dev.sluice.core.internal.model.Contract;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.seed.LoadResult;
import dev.sluice.core.internal.seed.SeedLoader;
import dev.sluice.core.internal.seed.SeedSpec;
import dev.sluice.core.spi.Adapter;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.QueryResult;
import dev.sluice.core.spi.Relation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Building one node in the warehouse: models by their materialization, seeds through COPY. */
final class Builds {
    private final LoadedProject project;
    private final Adapter adapter;
    private final Compiler compiler;
    private final Map<String, ExecutionDetails> details;
    private final Dialect dialect;

    Builds(LoadedProject project, Adapter adapter, Compiler compiler, Map<String, ExecutionDetails> details) {
        this.project = project;
        this.adapter = adapter;
        this.compiler = compiler;
        this.details = details;
        this.dialect = adapter.dialect();
    }

    /** Creates the schemas the nodes build in, as dbt does before a run. */
    void createSchemas(List<Node> nodes) {
        Set<List<String>> schemas = new LinkedHashSet<>();
        for (Node n : nodes) {
            if (n.resourceType() == ResourceType.TEST && !storesFailures(n)) {
                continue; // only tests that keep their failures write to the audit schema
            }
            schemas.add(java.util.Arrays.asList(n.database(), n.schema()));
        }
        adapter.withConnection(c -> {
            for (List<String> s : schemas) {
                String db = s.get(0) == null || s.get(0).isEmpty() ? null : s.get(0);
                c.execute(dialect.createSchema(db, s.get(1)));
            }
            return null;
        });
    }

    Outcome build(Node n) {
        return switch (n.resourceType()) {
            case SEED -> seed(n);
            case MODEL -> model(n);
            case TEST -> test(n);
            case UNIT_TEST -> unitTest(n);
            case SNAPSHOT -> snapshot(n);
            default -> throw SluiceException.internal("cannot build " + n.uniqueId(), null);
        };
    }

    private Outcome model(Node n) {
        if ("incremental".equals(n.materialized()) && "microbatch".equals(n.config().string("incremental_strategy", null))) {
            return microbatch(n);
        }
        ExportSpec export = ExportSpec.of(n); // checked when the project loaded
        Instant t0 = Instant.now();
        CompiledNode c = compiler.compile(n);
        Instant t1 = Instant.now();
        details.put(n.uniqueId(), new ExecutionDetails(Thread.currentThread().getName(), c.sql(), n.relationName(), t0, t1));
        String materialized = n.materialized();
        Relation target = compiler.relationOf(n);
        Materializer.Built built;
        java.util.concurrent.atomic.AtomicBoolean added = new java.util.concurrent.atomic.AtomicBoolean();
        MacroRegistry.Entry custom = customMaterialization(n, materialized);
        if (custom != null) {
            return custom(n, c, custom, export);
        }
        Statements hooks = statements(n, target);
        Contract contract = Contract.of(n.config());
        try {
            built = switch (materialized) {
                case "view" -> adapter.withConnection(conn -> {
                    if (contract.enforced()) {
                        ContractCheck.verify(conn, dialect, n, c.sql()); // a view holds no constraints
                    }
                    return Materializer.replace(conn, dialect, target, tmp -> dialect.createViewAs(tmp, c.sql()),
                            hooks.before(), hooks.after());
                });
                case "table" -> adapter.withConnection(conn -> table(conn, n, c, target, hooks, contract));
                case "materialized_view" -> adapter.withConnection(conn -> dev.sluice.core.internal.execute.MaterializedViews
                        .apply(conn, dialect, target, c.sql(), dev.sluice.core.internal.execute.Indexes.of(
                                n.config().get("indexes"), target, dialect, n.name(), n.originalFilePath()),
                                compiler.shouldFullRefresh(n), new dev.sluice.core.internal.execute.MaterializedViews.Model(
                                        n.name(), n.originalFilePath(), n.config().string("on_configuration_change",
                                                "apply")), hooks.before(), hooks.after(), message -> project.settings()
                                        .listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, message,
                                                Location.of(n.originalFilePath())))));
                case "incremental" -> adapter.withConnection(conn -> {
                    if (!compiler.shouldFullRefresh(n) && existingTable(conn, target)) {
                        if (contract.enforced()) {
                            ContractCheck.verify(conn, dialect, n, c.sql());
                        }
                        added.set(true);
                        return Incremental.apply(conn, dialect, target, c.sql(), plan(n), mergeSupported(conn),
                                n.name(), n.originalFilePath(), hooks.before(), hooks.after());
                    }
                    return table(conn, n, c, target, hooks, contract);
                });
                default -> throw SluiceException.user("materialization.unsupported", n.configLocation("materialized"),
                        "Cannot build model " + n.name() + ": materialization '" + materialized
                                + "' is not supported (use view, table, incremental, materialized_view or ephemeral)");
            };
        } catch (DatabaseException e) {
            Relation tmp = target.withIdentifier(Materializer.temporaryName(target.identifier()));
            String statement = e instanceof FailedStatement f ? f.statement()
                    : materialized.equals("view") ? dialect.createViewAs(tmp, c.sql())
                    : materialized.equals("materialized_view")
                            ? dev.sluice.core.internal.execute.MaterializedViews.create(dialect, tmp, c.sql())
                    : dialect.createTableAs(tmp, c.sql());
            DatabaseException located = locate(e, n, c, statement);
            if (contract.enforced() && !materialized.equals("view")) {
                located = contractHint(located, n, statement.startsWith("create table "));
            }
            throw located;
        }
        writeRunSql(n, built.createSql());
        if (export != null) {
            Exporter.Exported done = adapter.withConnection(conn -> Exporter.export(conn, dialect, target, export,
                    project.project().dir(), n.name(), n.originalFilePath()));
            project.settings().listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, "Exported "
                    + done.rows() + " rows of " + n.name() + " to " + done.relativePath(), null));
        }
        String message = materialized.equals("materialized_view")
                ? (built.createSql().startsWith("refresh") ? "REFRESH MATERIALIZED VIEW" : "CREATE MATERIALIZED VIEW")
                : materialized.equals("view") ? "CREATE VIEW"
                : (added.get() ? "INSERT 0 " : "SELECT ") + Math.max(built.rows(), 0);
        return Outcome.success(message, built.rows());
    }

    /**
     * A table (or an incremental model's first build): created as its SQL's result, or, under an
     * enforced contract, checked against the contract and created with the declared columns and
     * constraints before its rows are inserted.
     */
    private Materializer.Built table(dev.sluice.core.spi.AdapterConnection conn, Node n, CompiledNode c,
            Relation target, Statements hooks, Contract contract) {
        if (!contract.enforced()) {
            return Materializer.replace(conn, dialect, target, tmp -> dialect.createTableAs(tmp, c.sql()),
                    hooks.before(), withIndexes(n, target, hooks.after()));
        }
        ContractCheck.verify(conn, dialect, n, c.sql());
        ContractTable ddl = new ContractTable(dialect, n, x -> compiler.foreignKeyTarget(n, x),
                project.settings().listener());
        return Materializer.replace(conn, dialect, target, (tx, tmp, existing) -> {
            existing.ifPresent(old -> ContractTable.moveNamesAside(tx, dialect, old, ddl.names()));
            return List.of(ddl.create(tmp), ddl.insert(tmp, c.sql()));
        }, hooks.before(), withIndexes(n, target, hooks.after()));
    }

    /** A contracted table's database error, saying which part of the contract is involved. */
    private static DatabaseException contractHint(DatabaseException e, Node n, boolean inCreate) {
        String file = ContractCheck.propertyFile(n).file();
        String hint = inCreate ? " (in the table its enforced contract in " + file + " declares)"
                : e.sqlState() != null && e.sqlState().startsWith("23")
                        ? " (a row breaks a constraint of its enforced contract in " + file + ")" : "";
        return hint.isEmpty() ? e : e.relocate(e.location(), e.reason() + hint);
    }

    /** What runs with a model's build, in its transaction: pre-hooks before; post-hooks, grants and comments after. */
    private record Statements(List<String> before, List<String> after) {
    }

    private Statements statements(Node n, Relation target) {
        List<String> before = hooks(n, "pre-hook");
        List<String> after = new java.util.ArrayList<>(hooks(n, "post-hook"));
        after.addAll(persistDocs(n, target));
        after.addAll(grants(n, target));
        return new Statements(before, after);
    }

    /**
     * A microbatch model: each batch's rows (its inputs filtered by their event_time) replace the
     * rows of that batch in the table, one transaction per batch; the first batch of a first build
     * (or --full-refresh) creates the table. Failed batches leave the others built (partial success).
     */
    private Outcome microbatch(Node n) {
        dev.sluice.core.internal.execute.Microbatch.Config config = dev.sluice.core.internal.execute.Microbatch.config(
                n.config().get("event_time"), n.config().get("batch_size"), n.config().get("begin"),
                n.config().get("lookback"), n.name(), n.originalFilePath());
        Relation target = compiler.relationOf(n);
        boolean exists = adapter.withConnection(conn -> existingTable(conn, target));
        boolean full = compiler.shouldFullRefresh(n) || !exists;
        Settings.Flags flags = project.settings().flags();
        List<dev.sluice.core.internal.execute.Microbatch.Batch> batches = dev.sluice.core.internal.execute.Microbatch.plan(
                config, !full, flags.eventTimeStart(), flags.eventTimeEnd(), Instant.now(), n.name(), n.originalFilePath());
        Statements hooks = statements(n, target);
        String column = dialect.quote(config.eventTime());
        long rows = 0;
        List<String> failed = new java.util.ArrayList<>();
        boolean created = !full;
        Instant t0 = Instant.now();
        String lastSql = null;
        for (int i = 0; i < batches.size(); i++) {
            dev.sluice.core.internal.execute.Microbatch.Batch b = batches.get(i);
            boolean last = i == batches.size() - 1;
            String sql = compiler.renderBatch(n, b.startText(), b.endText(), b.id(), created);
            lastSql = sql;
            List<String> before = i == 0 ? hooks.before() : List.of();
            try {
                if (!created) {
                    Materializer.Built built = adapter.withConnection(conn -> Materializer.replace(conn, dialect, target,
                            tmp -> dialect.createTableAs(tmp, sql), before, withIndexes(n, target,
                                    last ? hooks.after() : List.of())));
                    rows += Math.max(built.rows(), 0);
                    created = true;
                } else {
                    rows += adapter.withConnection(conn -> conn.inTransaction(tx -> {
                        before.forEach(tx::execute);
                        List<String> columns = new java.util.ArrayList<>();
                        tx.columns(target).forEach(col -> columns.add(dialect.quote(col.name())));
                        String cols = String.join(", ", columns);
                        tx.execute("delete from " + dialect.render(target) + " where " + column + " >= "
                                + dialect.literal(b.startText()) + " and " + column + " < " + dialect.literal(b.endText()));
                        long inserted = tx.execute("insert into " + dialect.render(target) + " (" + cols + ")\nselect "
                                + cols + " from (\n" + sql + "\n) as dbt_internal_batch");
                        if (last) {
                            hooks.after().forEach(tx::execute);
                        }
                        return inserted;
                    }));
                }
            } catch (DatabaseException e) {
                if (!created) {
                    throw locate(e, n, compiler.compile(n), dialect.createTableAs(target, sql));
                }
                failed.add(b.id() + " (SQLSTATE " + e.sqlState() + ": " + e.reason() + ")");
            }
        }
        details.put(n.uniqueId(), new ExecutionDetails(Thread.currentThread().getName(), lastSql, n.relationName(), t0,
                Instant.now()));
        String summary = batches.size() - failed.size() + " of " + batches.size() + " batches";
        if (failed.isEmpty()) {
            return Outcome.success("SELECT " + rows + " (" + summary + ")", rows);
        }
        String message = "Batches failed in model " + n.name() + " (" + n.originalFilePath() + "): " + String.join("; ",
                failed) + "; " + summary + " succeeded. Retry the failed ones with --event-time-start/--event-time-end.";
        if (failed.size() == batches.size()) {
            throw SluiceException.user("microbatch.failed", Location.of(n.originalFilePath()), message);
        }
        return new Outcome(NodeStatus.PARTIAL_SUCCESS, message, rows, null);
    }

    /**
     * The project's or a package's {@code {% materialization name, adapter=... %}} for
     * {@code materialized}: the target's adapter's first, then the default one; at each, the root
     * project's, the node's package's, then any package's; null when none defines it (one defined
     * takes precedence over the built-in one of the same name, as in dbt).
     */
    private MacroRegistry.Entry customMaterialization(Node n, String materialized) {
        MacroRegistry macros = this.project.scope().macros();
        java.util.LinkedHashSet<String> packages = new java.util.LinkedHashSet<>(List.of(this.project.project().name(),
                n.packageName()));
        macros.packages().stream().filter(p -> !p.equals("dbt")).forEach(packages::add);
        for (String adapterName : List.of(this.project.target().type(), "default")) {
            String macro = "materialization_" + materialized + "_" + adapterName;
            for (String pkg : packages) {
                MacroRegistry.Entry e = macros.find(pkg, macro);
                if (e != null) {
                    return e;
                }
            }
        }
        return null;
    }

    /**
     * Runs a project's materialization macro in one transaction on one connection (its
     * statements, hooks and renames commit together, or not at all); it must return
     * {@code {'relations': [...]}} as dbt requires.
     */
    private Outcome custom(Node n, CompiledNode c, MacroRegistry.Entry entry, ExportSpec export) {
        String macro = entry.def().name();
        Object[] outcome;
        try {
            outcome = adapter.withConnection(conn -> conn.inTransaction(tx -> {
                dev.sluice.core.internal.context.NodeContext ctx = compiler.materializationContext(n, c.sql(), tx);
                Object returned = ctx.callMacro(entry, dev.sluice.jinja.spi.Arguments.of(List.of(), Map.of()));
                if (!(returned instanceof Map<?, ?> m) || !(m.get("relations") instanceof List<?>)) {
                    throw SluiceException.user("materialization.return", Location.of(n.originalFilePath()),
                            "Cannot build model " + n.name() + ": materialization '" + n.materialized() + "' (macro "
                                    + macro + ") must end with {{ return({'relations': [target_relation]}) }}");
                }
                Object main = ((dev.sluice.jinja.spi.JinjaCallable) ctx.variables().get("load_result")).call(null,
                        dev.sluice.jinja.spi.Arguments.of("main"));
                return new Object[] {returned, main};
            }));
        } catch (DatabaseException e) {
            throw e.relocate(Location.of(n.originalFilePath()), "Database error in model " + n.name() + " (materialization "
                    + n.materialized() + ", SQLSTATE " + e.sqlState() + "): " + e.reason() + " (compiled SQL in "
                    + c.compiledPath() + ")");
        } catch (SluiceException e) {
            if (e.location() != null && n.originalFilePath().equals(e.location().file())) {
                throw e;
            }
            // an error inside the materialization's macros: say which model it was building
            throw SluiceException.user("materialization.failed", Location.of(n.originalFilePath()), "Cannot build model "
                    + n.name() + " with materialization " + n.materialized() + ": " + e.getMessage(), e);
        }
        writeRunSql(n, c.sql());
        if (export != null) {
            Exporter.Exported done = adapter.withConnection(conn -> Exporter.export(conn, dialect,
                    compiler.relationOf(n), export, project.project().dir(), n.name(), n.originalFilePath()));
            project.settings().listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, "Exported "
                    + done.rows() + " rows of " + n.name() + " to " + done.relativePath(), null));
        }
        String message = "OK";
        long rows = -1;
        if (outcome[1] instanceof Map<?, ?> main && main.get("response") instanceof Map<?, ?> response) {
            message = String.valueOf(response.get("_message"));
            rows = response.get("rows_affected") instanceof Number x ? x.longValue() : -1;
        }
        return Outcome.success(message, rows);
    }

    /** {@code after} preceded by the model's {@code indexes}, created on the new table before the hooks see it. */
    private List<String> withIndexes(Node n, Relation target, List<String> after) {
        List<String> out = new java.util.ArrayList<>();
        dev.sluice.core.internal.execute.Indexes.of(n.config().get("indexes"), target, dialect, n.name(),
                n.originalFilePath()).forEach(i -> out.add(i.createSql()));
        out.addAll(after);
        return out;
    }

    /** A model's pre- or post-hooks (strings, or {sql: ..., transaction: ...}), rendered in its context. */
    private List<String> hooks(Node n, String kind) {
        List<String> out = new java.util.ArrayList<>();
        Object raw = n.config().get(kind);
        List<?> list = raw instanceof List<?> l ? l : raw == null ? List.of() : List.of(raw);
        for (Object hook : list) {
            Object sql = hook instanceof Map<?, ?> m ? m.get("sql") : hook;
            if (sql != null && !String.valueOf(sql).isBlank()) {
                String rendered = compiler.renderHook(n, String.valueOf(sql), kind);
                if (!rendered.isBlank()) {
                    out.add(rendered);
                }
            }
        }
        return out;
    }

    /** persist_docs: the model's and its columns' descriptions as database comments. */
    private List<String> persistDocs(Node n, Relation target) {
        List<String> out = new java.util.ArrayList<>();
        Map<?, ?> persist = n.config().get("persist_docs") instanceof Map<?, ?> m ? m : Map.of();
        String kind = "view".equals(n.materialized()) ? "view"
                : "materialized_view".equals(n.materialized()) ? "materialized view" : "table";
        if (truthy(persist.get("relation")) && !n.description().isBlank()) {
            out.add("comment on " + kind + " " + dialect.render(target) + " is " + dialect.literal(n.description()));
        }
        if (truthy(persist.get("columns"))) {
            n.columns().values().forEach(col -> {
                if (!col.description().isBlank()) {
                    out.add("comment on column " + dialect.render(target) + "." + dialect.quote(col.name()) + " is "
                            + dialect.literal(col.description()));
                }
            });
        }
        return out;
    }

    /** grants: {privilege: [grantee, ...]} granted on the new relation. */
    private List<String> grants(Node n, Relation target) {
        List<String> out = new java.util.ArrayList<>();
        if (n.config().get("grants") instanceof Map<?, ?> m) {
            m.forEach((privilege, grantees) -> {
                List<?> who = grantees instanceof List<?> l ? l : List.of(grantees);
                for (Object g : who) {
                    // grantees as written, as dbt writes them (public, a role, "Quoted Role")
                    out.add("grant " + privilege + " on " + dialect.render(target) + " to " + g);
                }
            });
        }
        return out;
    }

    private static boolean truthy(Object v) {
        return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v));
    }

    /** True when {@code target} exists as a table (an incremental model then adds to it). */
    static boolean existingTable(dev.sluice.core.spi.AdapterConnection c, Relation target) {
        return c.getRelation(target.database(), target.schema(), target.identifier())
                .filter(r -> r.type() == dev.sluice.core.spi.RelationType.TABLE).isPresent();
    }

    private volatile Boolean merge;

    /** MERGE came with PostgreSQL 15; older servers get delete+insert. */
    private boolean mergeSupported(dev.sluice.core.spi.AdapterConnection c) {
        Boolean m = merge;
        if (m == null) {
            Object v = c.query("show server_version_num").rows().get(0).get(0);
            m = Integer.parseInt(String.valueOf(v).trim()) >= 150000;
            merge = m;
        }
        return m;
    }

    /** The incremental config of {@code n}: strategy (dbt-postgres's default: append, or delete+insert with a key). */
    private static Incremental.Plan plan(Node n) {
        List<String> key = strings(n.config().get("unique_key"));
        String strategy = n.config().string("incremental_strategy", key.isEmpty() ? "append" : "delete+insert");
        if (!List.of("append", "delete+insert", "merge", "microbatch").contains(strategy)) {
            throw SluiceException.user("incremental.strategy", n.configLocation("incremental_strategy"), "Cannot build model "
                    + n.name() + ": incremental_strategy '" + strategy + "' is not one of append, delete+insert, merge");
        }
        return new Incremental.Plan(strategy, key, strings(n.config().get("incremental_predicates")),
                n.config().string("on_schema_change", "ignore"));
    }

    private static List<String> strings(Object v) {
        if (v == null) {
            return List.of();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(String::valueOf).toList();
        }
        return List.of(String.valueOf(v));
    }

    /** A database error placed in the model's file, with the line of the compiled SQL it refers to. */
    private static DatabaseException locate(DatabaseException e, Node n, CompiledNode c, String statement) {
        String where = "";
        int line = compiledLine(statement, c.sql(), e.position());
        if (line > 0) {
            where = " (line " + line + " of " + c.compiledPath() + ")";
        }
        return e.relocate(Location.of(n.originalFilePath()), "Database error in model " + n.name() + " (SQLSTATE "
                + e.sqlState() + "): " + e.reason() + where);
    }

    /**
     * The 1-based line of {@code compiled} holding the 1-based character {@code position} of
     * {@code statement} (which wraps the compiled SQL), or 0 when the position is outside it.
     */
    static int compiledLine(String statement, String compiled, int position) {
        int offset = statement.indexOf(compiled);
        int at = position - 1 - offset;
        if (position <= 0 || offset < 0 || at < 0 || at > compiled.length()) {
            return 0;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (compiled.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }

    /**
     * Runs a data test: its failing rows (kept in a table of the audit schema with store_failures)
     * counted by get_test_sql, then dbt's verdict: fail when error_if holds and the severity is
     * error, warn when warn_if holds, else pass.
     */
    private Outcome test(Node n) {
        Instant t0 = Instant.now();
        CompiledNode c = compiler.compile(n);
        details.put(n.uniqueId(), new ExecutionDetails(Thread.currentThread().getName(), c.sql(), null, t0, Instant.now()));
        String failing = c.sql();
        if (storesFailures(n)) {
            Relation audit = compiler.relationOf(n);
            try {
                adapter.withConnection(conn -> Materializer.replace(conn, dialect, audit,
                        tmp -> dialect.createTableAs(tmp, c.sql())));
            } catch (DatabaseException e) {
                throw e.relocate(Location.of(n.originalFilePath()), "Database error in test " + n.name() + " (SQLSTATE "
                        + e.sqlState() + "): " + e.reason() + " (compiled SQL in " + c.compiledPath() + ")");
            }
            failing = "select * from " + dialect.render(audit);
        }
        String query = compiler.testQuery(n, failing);
        QueryResult r;
        try {
            r = adapter.withConnection(conn -> conn.query(query));
        } catch (DatabaseException e) {
            throw e.relocate(Location.of(n.originalFilePath()), "Database error in test " + n.name() + " (SQLSTATE "
                    + e.sqlState() + "): " + e.reason() + " (compiled SQL in " + c.compiledPath() + ")");
        }
        if (r.rows().size() != 1) {
            throw SluiceException.user("test.result", Location.of(n.originalFilePath()), "Cannot judge test " + n.name()
                    + ": get_test_sql returned " + r.rows().size() + " rows instead of one");
        }
        List<Object> row = r.rows().get(0);
        long failures = row.get(0) == null ? 0 : ((Number) row.get(0)).longValue();
        boolean warn = Boolean.TRUE.equals(row.get(1));
        boolean error = Boolean.TRUE.equals(row.get(2));
        boolean severityError = !n.config().string("severity", "error").equalsIgnoreCase("warn");
        String results = failures + (failures == 1 ? " result" : " results");
        if (severityError && error) {
            return new Outcome(NodeStatus.FAIL, "Got " + results + ", configured to fail if "
                    + n.config().string("error_if", "!= 0"), failures, null);
        }
        if (warn) {
            return new Outcome(NodeStatus.WARN, "Got " + results + ", configured to warn if "
                    + n.config().string("warn_if", "!= 0"), failures, null);
        }
        return new Outcome(NodeStatus.PASS, "", failures, null);
    }

    /**
     * dbt clone: {@code n}'s relation becomes a view of the one the other run ({@code state})
     * built, unless it exists here already (then only with --full-refresh).
     */
    Outcome cloneFrom(dev.sluice.core.internal.select.State state, Node n) {
        Instant t0 = Instant.now();
        Relation other = state.relation(n.uniqueId());
        Relation target = compiler.relationOf(n);
        if (other == null) {
            return Outcome.success("No-op: not in the state's manifest", 0);
        }
        if (dialect.render(other).equals(dialect.render(target))) {
            return Outcome.success("No-op: the same relation", 0);
        }
        boolean exists = adapter.withConnection(c -> c.getRelation(target.database(), target.schema(),
                target.identifier()).isPresent());
        if (exists && !project.settings().fullRefresh()) {
            return Outcome.success("No-op: " + n.displayRelation() + " exists", 0);
        }
        String select = "select * from " + dialect.render(other);
        Materializer.Built built = adapter.withConnection(c -> Materializer.replace(c, dialect, target,
                tmp -> dialect.createViewAs(tmp, select)));
        details.put(n.uniqueId(), new ExecutionDetails(Thread.currentThread().getName(), select, n.relationName(), t0,
                Instant.now()));
        return Outcome.success("CREATE VIEW", built.rows());
    }

    /**
     * A unit test: the model's SQL over mocked inputs (each a CTE typed like the real relation,
     * which must exist), compared with the expected rows; fails listing the rows that differ.
     */
    private Outcome unitTest(Node n) {
        Instant t0 = Instant.now();
        dev.sluice.core.internal.model.UnitTestDef u = project.parsed().manifest().unitTests().get(n.uniqueId());
        dev.sluice.core.internal.model.Manifest manifest = project.parsed().manifest();
        Node model = manifest.nodes().get(u.model());
        String file = n.originalFilePath();
        java.util.function.Function<String, SluiceException> fail = why -> SluiceException.user("unit_test.run",
                Location.of(file), "Cannot run unit test " + n.name() + " of model " + model.name() + ": " + why);
        Map<String, String> cteNames = new java.util.LinkedHashMap<>();
        List<String> ctes = new java.util.ArrayList<>();
        for (dev.sluice.core.internal.model.UnitTestDef.Fixture g : u.given()) {
            String key; // what the model's ref, source or this names: the input's unique id, or "this"
            String ident; // the CTE is __dbt__cte__<ident>, as refs to it print
            Relation real;
            if (g.isThis()) {
                key = "this";
                ident = "this__" + model.name();
                real = compiler.relationOf(model);
            } else if (g.inputId().startsWith("source.")) {
                dev.sluice.core.internal.model.SourceDef s = manifest.sources().get(g.inputId());
                key = g.inputId();
                ident = s.sourceName() + "__" + s.name();
                real = Relation.of(s.database(), s.schema(), s.identifier(), dev.sluice.core.spi.RelationType.TABLE);
            } else {
                Node input = manifest.nodes().get(g.inputId());
                key = g.inputId();
                ident = input.name();
                real = input.isEphemeral() ? null : compiler.relationOf(input);
            }
            cteNames.put(key, ident);
            String body;
            if (g.format().equals("sql")) {
                body = g.sql();
            } else {
                List<dev.sluice.core.spi.Column> columns = adapter.withConnection(c -> c.columns(real));
                if (columns.isEmpty()) {
                    throw fail.apply("the column types of input " + g.input() + " come from " + dialect.render(real)
                            + ", which does not exist yet: build it first (sluice run -s " + (g.isThis() ? model.name()
                                    : "+" + model.name() + " --exclude " + model.name()) + "), or mock it with format: sql");
                }
                body = dev.sluice.core.internal.execute.UnitTestSql.rows(g.rows(), columns, dialect,
                        col -> fail.apply("input " + g.input() + " has a column '" + col + "' that "
                                + dialect.render(real) + " does not have"));
            }
            ctes.add("__dbt__cte__" + ident + " as (\n" + body.strip() + "\n)");
        }
        String modelSql = compiler.renderUnitTest(u, cteNames, ctes);
        String query;
        List<dev.sluice.core.spi.Column> output;
        try {
            QueryResult shape = adapter.withConnection(c -> c.query(dialect.emptyQuery(modelSql.strip())));
            output = new java.util.ArrayList<>();
            for (int i = 0; i < shape.columns().size(); i++) {
                output.add(new dev.sluice.core.spi.Column(shape.columns().get(i), shape.columnTypes().get(i), i + 1));
            }
            String expectedSql;
            List<dev.sluice.core.spi.Column> compared;
            if (u.expect().format().equals("sql")) {
                QueryResult e = adapter.withConnection(c -> c.query(dialect.emptyQuery(u.expect().sql().strip())));
                compared = dev.sluice.core.internal.execute.UnitTestSql.columnsNamed(e.columns(), output,
                        col -> fail.apply("the expected query returns column '" + col + "', which the model does not"));
                expectedSql = u.expect().sql();
            } else {
                compared = u.expect().rows().isEmpty() ? output
                        : dev.sluice.core.internal.execute.UnitTestSql.expectedColumns(u.expect().rows(), output,
                                col -> fail.apply("the expected rows name column '" + col + "', which the model does not"
                                        + " return (it returns " + String.join(", ", shape.columns()) + ")"));
                expectedSql = dev.sluice.core.internal.execute.UnitTestSql.rows(u.expect().rows(), compared, dialect,
                        col -> fail.apply("unknown expected column " + col));
            }
            query = dev.sluice.core.internal.execute.UnitTestSql.diff(modelSql, expectedSql, compared, dialect);
        } catch (DatabaseException e) {
            throw e.relocate(Location.of(file), "Database error in unit test " + n.name() + " of model " + model.name()
                    + " (SQLSTATE " + e.sqlState() + "): " + e.reason());
        }
        details.put(n.uniqueId(), new ExecutionDetails(Thread.currentThread().getName(), query, null, t0, Instant.now()));
        QueryResult diff;
        try {
            diff = adapter.withConnection(c -> c.query(query));
        } catch (DatabaseException e) {
            throw e.relocate(Location.of(file), "Database error in unit test " + n.name() + " of model " + model.name()
                    + " (SQLSTATE " + e.sqlState() + "): " + e.reason());
        }
        if (diff.rows().isEmpty()) {
            return new Outcome(NodeStatus.PASS, "", 0, null);
        }
        String table = dev.sluice.core.internal.execute.UnitTestSql.describe(diff.columns().subList(1,
                diff.columns().size()), diff.rows());
        return new Outcome(NodeStatus.FAIL, table, diff.rows().size(), null);
    }

    /** A snapshot: its query's rows recorded as versions (dbt's SCD type 2), in one transaction. */
    private Outcome snapshot(Node n) {
        Instant t0 = Instant.now();
        CompiledNode c = compiler.compile(n);
        details.put(n.uniqueId(), new ExecutionDetails(Thread.currentThread().getName(), c.sql(), n.relationName(), t0,
                Instant.now()));
        Relation target = compiler.relationOf(n).withType(dev.sluice.core.spi.RelationType.TABLE);
        Statements hooks = statements(n, target);
        java.util.concurrent.atomic.AtomicBoolean existed = new java.util.concurrent.atomic.AtomicBoolean();
        Materializer.Built built;
        try {
            built = adapter.withConnection(conn -> {
                existed.set(existingTable(conn, target));
                return Snapshots.apply(conn, dialect, target, c.sql(), snapshotSpec(n), n.name(), n.originalFilePath(),
                        hooks.before(), hooks.after());
            });
        } catch (DatabaseException e) {
            throw e.relocate(Location.of(n.originalFilePath()), "Database error in snapshot " + n.name() + " (SQLSTATE "
                    + e.sqlState() + "): " + e.reason() + " (compiled SQL in " + c.compiledPath() + ")");
        }
        return Outcome.success((existed.get() ? "INSERT 0 " : "SELECT ") + Math.max(built.rows(), 0), built.rows());
    }

    private static Snapshots.Spec snapshotSpec(Node n) {
        Object check = n.config().get("check_cols");
        boolean all = check != null && "all".equals(String.valueOf(check));
        String hardDeletes = n.config().get("hard_deletes") != null ? n.config().string("hard_deletes", "ignore")
                : truthy(n.config().get("invalidate_hard_deletes")) ? "invalidate" : "ignore";
        Map<String, String> meta = new LinkedHashMap<>();
        if (n.config().get("snapshot_meta_column_names") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (v != null) {
                    meta.put(String.valueOf(k), String.valueOf(v));
                }
            });
        }
        return new Snapshots.Spec(n.config().string("strategy", "").toLowerCase(java.util.Locale.ROOT),
                strings(n.config().get("unique_key")), n.config().string("updated_at", null), all,
                all ? List.of() : strings(check), hardDeletes, n.config().string("dbt_valid_to_current", null), meta);
    }

    /** A test's store_failures config; when the test does not set it, --store-failures. */
    boolean storesFailures(Node n) {
        Object v = n.config().get("store_failures");
        if (v == null) {
            return project.settings().flags().storeFailures();
        }
        return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v));
    }

    private Outcome seed(Node n) {
        Path file = project.project().dir().resolve(n.originalFilePath());
        SeedSpec spec = SeedSpec.of(n.name(), file, n.originalFilePath(), compiler.relationOf(n))
                .withColumnTypes(columnTypes(n))
                .withQuoteColumns(n.config().bool("quote_columns", true))
                .withDelimiter(delimiter(n))
                .withFullRefresh(project.settings().fullRefresh() || n.config().bool("full_refresh", false));
        details.put(n.uniqueId(), new ExecutionDetails(Thread.currentThread().getName(), null, n.relationName(), null, null));
        long size = file.toFile().length();
        long total = 2 * size; // two passes over the file: checking it, then COPY
        long[] reported = {0};
        dev.sluice.core.api.NodeInfo info = Engine.info(n);
        LoadResult r = dev.sluice.core.internal.seed.SeedProgress.reporting(read -> {
            if (size > (1 << 20) && read - reported[0] >= total / 20) {
                reported[0] = read;
                project.settings().listener().onEvent(new SluiceEvent.Progress(info, Math.min(read, total), total,
                        "bytes"));
            }
        }, () -> adapter.withConnection(conn -> new SeedLoader().load(conn, dialect, spec)));
        return Outcome.success("INSERT " + r.rows(), r.rows());
    }

    private static Map<String, String> columnTypes(Node n) {
        Map<String, String> out = new LinkedHashMap<>();
        if (n.config().get("column_types") instanceof Map<?, ?> m) {
            m.forEach((k, v) -> out.put(String.valueOf(k), String.valueOf(v)));
        }
        return out;
    }

    private static char delimiter(Node n) {
        String d = n.config().string("delimiter", ",");
        return d.isEmpty() ? ',' : d.charAt(0);
    }

    private void writeRunSql(Node n, String sql) {
        Path file = project.project().targetDir().resolve("run").resolve(n.packageName()).resolve(n.originalFilePath());
        if (n.test() != null) {
            file = file.resolve(n.path());
        } else if (n.originalFilePath().endsWith(".yml") || n.originalFilePath().endsWith(".yaml")) {
            file = file.resolve(n.name() + ".sql"); // a YAML snapshot, beside the tests of its file
        }
        OutputFiles.plain(file, sql + ";\n");
    }

    static boolean isModel(Node n) {
        return n.resourceType() == ResourceType.MODEL;
    }
}
