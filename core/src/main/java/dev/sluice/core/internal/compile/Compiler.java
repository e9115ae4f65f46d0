package dev.sluice.core.internal.compile;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.context.DbtRelation;
import dev.sluice.core.internal.context.Mode;
import dev.sluice.core.internal.context.NodeContext;
import dev.sluice.core.internal.context.ProjectScope;
import dev.sluice.core.internal.context.Resolver;
import dev.sluice.core.internal.io.OutputFiles;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.NodeConfig;
import dev.sluice.core.internal.model.RefCall;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.internal.model.TestMetadata;
import dev.sluice.core.internal.parse.NodeDicts;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import dev.sluice.jinja.Template;
import dev.sluice.jinja.TemplateSyntaxException;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Compiles nodes: renders them with {@code execute} true, {@code ref()} resolving to relations
 * (ephemeral models to their CTE names), then prepends the CTEs of the ephemeral models they use.
 * Thread-safe; each node compiles once per compiler.
 */
public final class Compiler {
    private final java.util.function.Predicate<Node> incremental;
    private final boolean fullRefresh;
    private static final java.util.regex.Pattern RELATION_CALL = java.util.regex.Pattern.compile(
            "^\\s*(ref|source)\\s*\\(.*\\)\\s*$", java.util.regex.Pattern.DOTALL);
    private static final java.util.regex.Pattern ONE_EXPRESSION = java.util.regex.Pattern.compile(
            "^\\s*\\{\\{(.*)\\}\\}\\s*$", java.util.regex.Pattern.DOTALL);

    private final ProjectScope scope;
    private final Manifest manifest;
    private final Map<String, Template> templates;
    private final Map<String, CompiledNode> compiled = new ConcurrentHashMap<>();
    private final Map<String, Node> refable = new java.util.HashMap<>();

    public Compiler(ProjectScope scope, Manifest manifest, Map<String, Template> templates) {
        this(scope, manifest, templates, n -> false, false);
    }

    /**
     * @param incremental whether an incremental model's table exists, so that is_incremental() holds
     * @param fullRefresh --full-refresh, which should_full_refresh() reports unless a model's full_refresh config says
     */
    public Compiler(ProjectScope scope, Manifest manifest, Map<String, Template> templates,
            java.util.function.Predicate<Node> incremental, boolean fullRefresh) {
        this.incremental = incremental;
        this.fullRefresh = fullRefresh;
        this.scope = scope;
        this.manifest = manifest;
        this.templates = templates;
        for (Node n : manifest.nodes().values()) {
            if (n.resourceType() != dev.sluice.core.api.ResourceType.ANALYSIS) {
                refable.putIfAbsent(n.name(), n);
            }
        }
    }

    /** Everything compiled so far. */
    public java.util.Collection<CompiledNode> compiledNodes() {
        return compiled.values();
    }

    /** The relation {@code node} builds (a CTE for an ephemeral model). */
    public Relation relationOf(Node node) {
        RelationType type = switch (node.materialized()) {
            case "view" -> RelationType.VIEW;
            case "ephemeral" -> RelationType.CTE;
            case "materialized_view" -> RelationType.MATERIALIZED_VIEW;
            default -> RelationType.TABLE;
        };
        return Relation.of(node.database(), node.schema(), type == RelationType.CTE ? node.name() : node.alias(), type);
    }

    /** Compiles {@code node} (once) and writes target/compiled/&lt;project&gt;/&lt;path&gt;. */
    public CompiledNode compile(Node node) {
        CompiledNode c = compiled.get(node.uniqueId());
        if (c != null) {
            return c;
        }
        c = doCompile(node);
        CompiledNode previous = compiled.putIfAbsent(node.uniqueId(), c);
        return previous != null ? previous : c;
    }

    private CompiledNode doCompile(Node node) {
        Template t = templates.get(node.uniqueId());
        if (t == null) {
            throw SluiceException.internal("no template for " + node.uniqueId(), null);
        }
        String rendered = render(node, t);
        LinkedHashSet<String> used = new LinkedHashSet<>();
        collectEphemerals(node, used);
        List<CompiledNode.Cte> ctes = ctes(used);
        String sql = CteInjector.inject(rendered, ctes.stream().map(CompiledNode.Cte::sql).toList());
        String path = write(node, sql);
        return new CompiledNode(node, sql, ctes, path);
    }

    private List<CompiledNode.Cte> ctes(java.util.Collection<String> ephemeralIds) {
        List<CompiledNode.Cte> ctes = new ArrayList<>();
        for (String id : ephemeralIds) {
            Node e = manifest.nodes().get(id);
            ctes.add(new CompiledNode.Cte(id, "__dbt__cte__" + e.name() + " as (\n" + render(e, templates.get(id)) + "\n)"));
        }
        return ctes;
    }

    /** The ephemeral models {@code node} reads, directly or through other ephemeral models, parents first. */
    private void collectEphemerals(Node node, LinkedHashSet<String> into) {
        for (String parent : node.dependsOnNodes()) {
            Node p = manifest.nodes().get(parent);
            if (p != null && p.isEphemeral() && !into.contains(parent)) {
                collectEphemerals(p, into);
                into.add(parent);
            }
        }
    }

    private String render(Node node, Template template) {
        NodeContext ctx = context(node);
        boolean full = shouldFullRefresh(node);
        ctx.define("should_full_refresh", (JinjaCallable) (cc, a) -> full);
        if ("incremental".equals(node.materialized()) && node.resourceType() == dev.sluice.core.api.ResourceType.MODEL) {
            boolean on = !full && incremental.test(node);
            ctx.define("is_incremental", (JinjaCallable) (cc, a) -> on);
        }
        if (node.test() != null) {
            ctx.define("_dbt_generic_test_kwargs", testKwargs(node, ctx));
        }
        return ctx.render(template);
    }

    /**
     * The model a unit test tests, rendered as the test runs it: each mocked input's ref or source
     * (and {@code this}, when mocked) names the CTE {@code cteNames} gives for its unique id
     * ({@code "this"} for {@code this}); the test's overrides replace vars, env vars and macros
     * (is_incremental among them); {@code ctes} (the mocked inputs) are prepended.
     */
    public String renderUnitTest(dev.sluice.core.internal.model.UnitTestDef test, Map<String, String> cteNames,
            List<String> ctes) {
        Node model = manifest.nodes().get(test.model());
        Template t = templates.get(model.uniqueId());
        Resolver r = new Resolver() {
            @Override
            public DbtRelation ref(RefCall call) {
                return mocked(lookup(model, call).uniqueId(), "ref('" + call.name() + "')", call.line());
            }

            @Override
            public DbtRelation source(String sourceName, String tableName, int line) {
                return mocked("source." + scope.projectName() + "." + sourceName + "." + tableName, "source('"
                        + sourceName + "', '" + tableName + "')", line);
            }

            private DbtRelation mocked(String id, String call, int line) {
                String cte = cteNames.get(id);
                if (cte == null) {
                    throw SluiceException.user("unit_test.input", new Location(model.originalFilePath(), line, 0),
                            "Cannot run unit test " + test.node().name() + ": model " + model.name() + " reads " + call
                                    + ", which the test does not mock; add it under 'given' in "
                                    + test.node().originalFilePath());
                }
                return new DbtRelation(Relation.of(model.database(), model.schema(), cte, RelationType.CTE),
                        scope.dialect());
            }
        };
        DbtRelation self = cteNames.containsKey("this")
                ? new DbtRelation(Relation.of(model.database(), model.schema(), cteNames.get("this"), RelationType.CTE),
                        scope.dialect())
                : new DbtRelation(relationOf(model), scope.dialect());
        NodeContext ctx = withRunQuery(new NodeContext(scope, Mode.RUN, model.packageName(), model.originalFilePath(),
                NodeDicts.of(model), self, r, null));
        boolean full = shouldFullRefresh(model);
        ctx.define("should_full_refresh", (JinjaCallable) (cc, a) -> full);
        Map<String, Object> vars = test.overridesOf("vars");
        Map<String, Object> envVars = test.overridesOf("env_vars");
        Object var = ctx.variables().get("var");
        Object envVar = ctx.variables().get("env_var");
        if (!vars.isEmpty() && var instanceof JinjaCallable v) {
            ctx.define("var", (JinjaCallable) (cc, a) -> a.size() > 0 && vars.containsKey(String.valueOf(a.get(0)))
                    ? vars.get(String.valueOf(a.get(0))) : v.call(cc, a));
        }
        if (!envVars.isEmpty() && envVar instanceof JinjaCallable e) {
            ctx.define("env_var", (JinjaCallable) (cc, a) -> a.size() > 0 && envVars.containsKey(String.valueOf(a.get(0)))
                    ? String.valueOf(envVars.get(String.valueOf(a.get(0)))) : e.call(cc, a));
        }
        test.overridesOf("macros").forEach((name, value) -> ctx.define(name, (JinjaCallable) (cc, a) -> value));
        if (!test.overridesOf("macros").containsKey("is_incremental")) {
            ctx.define("is_incremental", (JinjaCallable) (cc, a) -> false);
        }
        String sql = CteInjector.inject(ctx.render(t), ctes);
        Path file = scope.project().targetDir().resolve("compiled").resolve(model.packageName())
                .resolve(test.node().originalFilePath()).resolve(test.node().name() + ".sql");
        OutputFiles.plain(file, sql);
        return sql;
    }

    /**
     * One batch of a microbatch model: refs and sources whose config names an {@code event_time}
     * read only the rows in [start, end); {@code model.batch} tells the template the batch;
     * {@code is_incremental()} is {@code incremental}.
     */
    public String renderBatch(Node model, String start, String end, String batchId, boolean incremental) {
        Resolver r = new Resolver() {
            @Override
            public DbtRelation ref(RefCall call) {
                Node target = lookup(model, call);
                DbtRelation rel = new DbtRelation(referenced(target), scope.dialect());
                Object column = target.config().get("event_time");
                return column == null || target.isEphemeral() ? rel
                        : rel.withEventTimeFilter(String.valueOf(column), start, end);
            }

            @Override
            public DbtRelation source(String sourceName, String tableName, int line) {
                DbtRelation rel = sourceRelation(model, sourceName, tableName, line);
                SourceDef s = sourceOf(model, sourceName, tableName);
                Object column = s == null || s.config() == null ? null : s.config().get("event_time");
                return column == null ? rel : rel.withEventTimeFilter(String.valueOf(column), start, end);
            }
        };
        Map<String, Object> dict = new LinkedHashMap<>(NodeDicts.of(model));
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put("id", batchId);
        batch.put("event_time_start", start);
        batch.put("event_time_end", end);
        dict.put("batch", batch);
        NodeContext ctx = withRunQuery(new NodeContext(scope, Mode.RUN, model.packageName(), model.originalFilePath(),
                dict, new DbtRelation(relationOf(model), scope.dialect()), r, null));
        ctx.define("should_full_refresh", (JinjaCallable) (cc, a) -> shouldFullRefresh(model));
        ctx.define("is_incremental", (JinjaCallable) (cc, a) -> incremental);
        String rendered = ctx.render(templates.get(model.uniqueId()));
        LinkedHashSet<String> used = new LinkedHashSet<>();
        collectEphemerals(model, used);
        String sql = CteInjector.inject(rendered, ctes(used).stream().map(CompiledNode.Cte::sql).toList());
        compiled.putIfAbsent(model.uniqueId(), new CompiledNode(model, sql, ctes(used), write(model, sql)));
        return sql;
    }

    /**
     * The context a project's own materialization ({@code {% materialization name %}}) runs in:
     * the model's, plus {@code sql}/{@code compiled_code}, {@code pre_hooks}/{@code post_hooks}
     * (rendered), {@code store_result}/{@code load_result} for {@code statement} blocks, and the
     * adapter bound to {@code connection}.
     */
    public NodeContext materializationContext(Node node, String sql, dev.sluice.core.spi.AdapterConnection connection) {
        NodeContext ctx = context(node).bindConnection(connection);
        boolean full = shouldFullRefresh(node);
        ctx.define("should_full_refresh", (JinjaCallable) (cc, a) -> full);
        boolean incremental = "incremental".equals(node.materialized()) && !full && this.incremental.test(node);
        ctx.define("is_incremental", (JinjaCallable) (cc, a) -> incremental);
        ctx.define("sql", sql);
        ctx.define("compiled_code", sql);
        ctx.define("pre_hooks", hooksOf(node, "pre-hook"));
        ctx.define("post_hooks", hooksOf(node, "post-hook"));
        return ctx;
    }

    /** A model's hooks as materializations see them: {sql (rendered), transaction, index}. */
    private List<Object> hooksOf(Node node, String kind) {
        Object raw = node.config().get(kind);
        List<?> list = raw instanceof List<?> l ? l : raw == null ? List.of() : List.of(raw);
        List<Object> out = new ArrayList<>();
        for (Object hook : list) {
            Object text = hook instanceof Map<?, ?> m ? m.get("sql") : hook;
            Object transaction = hook instanceof Map<?, ?> m && m.get("transaction") != null ? m.get("transaction") : true;
            Map<String, Object> h = new LinkedHashMap<>();
            h.put("sql", text == null ? "" : renderHook(node, String.valueOf(text), kind));
            h.put("transaction", Boolean.TRUE.equals(transaction) || "true".equalsIgnoreCase(String.valueOf(transaction)));
            h.put("index", out.size());
            out.add(h);
        }
        return out;
    }

    /** A model's hook rendered in its context ({@code this}, {@code config}, ...), as dbt renders hooks when they run. */
    public String renderHook(Node node, String hook, String kind) {
        Template t;
        try {
            t = scope.runEnv().parse(node.originalFilePath(), hook);
        } catch (TemplateSyntaxException e) {
            throw SluiceException.user("jinja.syntax", Location.of(node.originalFilePath()), "Cannot run the " + kind
                    + " of " + node.name() + ": '" + hook.strip() + "' is not valid Jinja: " + e.reason(), e);
        }
        return context(node).render(t);
    }

    /**
     * An on-run-start or on-run-end hook rendered in the project's context plus {@code extra}
     * (dbt's {@code schemas}, {@code database_schemas} and, at the end, {@code results}).
     */
    public String renderProjectHook(String hook, String where, Map<String, Object> extra) {
        Template t;
        try {
            t = scope.runEnv().parse("dbt_project.yml", hook);
        } catch (TemplateSyntaxException e) {
            throw SluiceException.user("jinja.syntax", Location.of("dbt_project.yml"), "Cannot run " + where + ": '"
                    + hook.strip() + "' is not valid Jinja: " + e.reason(), e);
        }
        NodeContext ctx = withRunQuery(new NodeContext(scope, Mode.RUN, scope.projectName(), "dbt_project.yml",
                Map.of(), null, resolver(null), null));
        extra.forEach(ctx::define);
        return ctx.render(t);
    }

    /** dbt's should_full_refresh(): the model's full_refresh config when set, else --full-refresh. */
    public boolean shouldFullRefresh(Node node) {
        Object configured = node.config().get("full_refresh");
        return configured == null ? fullRefresh : Boolean.TRUE.equals(configured)
                || "true".equalsIgnoreCase(String.valueOf(configured));
    }

    private volatile java.util.function.Function<Node, Relation> deferral;

    /**
     * dbt's --defer: {@code deferral} gives, for a referenced node, the relation of another run to
     * read instead of its own (or null to read its own); null for no deferral.
     */
    public Compiler withDeferral(java.util.function.Function<Node, Relation> deferral) {
        this.deferral = deferral;
        return this;
    }

    /** The relation a ref to {@code node} reads: its own, or the deferred-to run's. */
    private Relation referenced(Node node) {
        var d = deferral;
        Relation other = d == null ? null : d.apply(node);
        return other != null ? other : relationOf(node);
    }


    private NodeContext context(Node node) {
        DbtRelation self = node.relationName() == null && !node.isEphemeral() ? null
                : new DbtRelation(relationOf(node), scope.dialect());
        return withRunQuery(new NodeContext(scope, Mode.RUN, node.packageName(), node.originalFilePath(),
                NodeDicts.of(node), self, resolver(node), null));
    }

    /** dbt's run_query(sql): the rows as an agate-like table. */
    private NodeContext withRunQuery(NodeContext ctx) {
        var d = database;
        if (d != null) {
            ctx.bindConnection(new dev.sluice.core.internal.context.PooledConnection(d));
        }
        return ctx;
    }

    private volatile java.util.function.Supplier<dev.sluice.core.spi.Adapter> database;

    /**
     * Lets templates use the database through {@code adapter} (created on first use): run_query,
     * statement blocks, adapter.get_relation, get_columns_in_relation and the rest.
     */
    public Compiler withDatabase(java.util.function.Supplier<dev.sluice.core.spi.Adapter> adapter) {
        this.database = adapter;
        return this;
    }

    /**
     * Calls macro {@code name} with keyword {@code args} as {@code run-operation} does: in the
     * project's context, {@code execute} true, able to run queries; returns what it returns.
     */
    public Object callOperation(String name, Map<String, Object> args) {
        NodeContext ctx = withRunQuery(new NodeContext(scope, Mode.RUN, scope.projectName(), "dbt_project.yml",
                Map.of(), null, resolver(null), null));
        if (scope.macros().find(name) == null) {
            throw SluiceException.user("operation.unknown", (Location) null, "Cannot run operation " + name
                    + ": no macro named '" + name + "' exists in the project" + dev.sluice.core.internal.parse.Suggestions
                            .didYouMean(name, scope.macros().names()));
        }
        return ctx.callMacro(name, Arguments.of(List.of(), args));
    }

    /**
     * A generic test's arguments as its macro receives them: {@code model} is the tested relation
     * (filtered by the test's {@code where} through get_where_subquery); arguments written as
     * {@code ref(...)}/{@code source(...)} become relations, {@code {{ expression }}} its value,
     * other Jinja its text; lists and mappings are rendered item by item.
     */
    private Map<String, Object> testKwargs(Node test, NodeContext ctx) {
        TestMetadata t = test.test();
        Map<String, Object> out = new LinkedHashMap<>();
        String attached = t.attachedNode();
        Object tested;
        if (attached != null && attached.startsWith("source.")) {
            SourceDef s = manifest.sources().get(attached);
            tested = sourceRelation(test, s.sourceName(), s.name(), 0);
        } else {
            Node n = attached == null ? null : manifest.nodes().get(attached);
            if (n == null) {
                throw SluiceException.internal("test " + test.uniqueId() + " tests unknown node " + attached, null);
            }
            tested = new DbtRelation(relationOf(n), scope.dialect());
        }
        out.put("model", ctx.callMacro("get_where_subquery", Arguments.of(tested)));
        t.kwargs().forEach((k, v) -> {
            if (!k.equals("model")) {
                out.put(k, testArgument(v, ctx, test));
            }
        });
        return out;
    }

    private Object testArgument(Object v, NodeContext ctx, Node test) {
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            l.forEach(x -> out.add(testArgument(x, ctx, test)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), testArgument(x, ctx, test)));
            return out;
        }
        if (!(v instanceof String s)) {
            return v;
        }
        java.util.regex.Matcher one = ONE_EXPRESSION.matcher(s);
        String expression = RELATION_CALL.matcher(s).matches() ? s
                : one.matches() && !one.group(1).contains("}}") ? one.group(1) : null;
        if (expression != null) {
            Object[] kept = new Object[1];
            ctx.define("__sluice_keep", (JinjaCallable) (cc, a) -> {
                kept[0] = a.get(0);
                return "";
            });
            ctx.render(parse(test, "{{ __sluice_keep(" + expression + ") }}"));
            return kept[0];
        }
        return s.contains("{{") || s.contains("{%") ? ctx.render(parse(test, s)) : s;
    }

    private Template parse(Node test, String text) {
        try {
            return scope.runEnv().parse(test.originalFilePath(), text);
        } catch (TemplateSyntaxException e) {
            throw SluiceException.user("jinja.syntax", Location.of(test.originalFilePath()), "Cannot compile test "
                    + test.name() + ": its argument '" + text + "' is not valid Jinja: " + e.reason(), e);
        }
    }

    /**
     * The query a data test runs (get_test_sql, which a project may override): the count of the
     * failing rows {@code failingRows} selects, and whether it crosses warn_if and error_if.
     */
    public String testQuery(Node test, String failingRows) {
        NodeConfig c = test.config();
        Object limit = c.get("limit");
        return String.valueOf(context(test).callMacro("get_test_sql", Arguments.of(failingRows,
                c.string("fail_calc", "count(*)"), c.string("warn_if", "!= 0"), c.string("error_if", "!= 0"), limit)));
    }

    /** Compiles a SQL snippet in the project's context ({@code compile --inline}). */
    public String compileInline(String sql) {
        Template t;
        try {
            t = scope.runEnv().parse("inline", sql);
        } catch (TemplateSyntaxException e) {
            throw SluiceException.user("jinja.syntax", new Location("inline", e.line(), e.column()),
                    "Cannot parse the inline query: " + e.reason(), e);
        }
        Node inline = new Node("sql_operation." + scope.projectName() + ".inline_query",
                dev.sluice.core.api.ResourceType.OPERATION, scope.projectName(), "inline_query", "inline", "inline", sql,
                "sql", List.of(scope.projectName(), "inline_query"), null,
                dev.sluice.core.internal.model.NodeConfig.empty(), Map.of(), "", Map.of(), Map.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), scope.database(), scope.target().schema(), "inline_query", null, null, 0, null);
        java.util.Set<String> ephemerals = new LinkedHashSet<>();
        Resolver r = new Resolver() {
            @Override
            public DbtRelation ref(RefCall call) {
                Node target = lookup(inline, call);
                if (target.isEphemeral()) {
                    ephemerals.add(target.uniqueId());
                }
                return new DbtRelation(relationOf(target), scope.dialect());
            }

            @Override
            public DbtRelation source(String sourceName, String tableName, int line) {
                return sourceRelation(inline, sourceName, tableName, line);
            }
        };
        NodeContext ctx = new NodeContext(scope, Mode.RUN, scope.projectName(), "inline", NodeDicts.of(inline), null, r,
                null);
        String rendered = ctx.render(t);
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (String id : ephemerals) {
            collectEphemerals(manifest.nodes().get(id), all);
            all.add(id);
        }
        return CteInjector.inject(rendered, ctes(all).stream().map(CompiledNode.Cte::sql).toList());
    }

    private Resolver resolver(Node from) {
        return new Resolver() {
            @Override
            public DbtRelation ref(RefCall call) {
                return new DbtRelation(referenced(lookup(from, call)), scope.dialect());
            }

            @Override
            public DbtRelation source(String sourceName, String tableName, int line) {
                return sourceRelation(from, sourceName, tableName, line);
            }
        };
    }

    /** The rendered relation a foreign key's {@code to} ({@code ref(...)} or {@code source(...)}) of {@code from} names. */
    public String foreignKeyTarget(Node from, dev.sluice.core.internal.model.Constraint c) {
        RefCall ref = c.toRef();
        if (ref != null) {
            return scope.dialect().render(relationOf(lookup(from, ref)));
        }
        dev.sluice.core.internal.model.SourceCall s = c.toSource();
        if (s == null) {
            throw SluiceException.user("constraint.to", c.where(), "Cannot read the foreign key of model " + from.name()
                    + ": 'to' must be a ref() or source() call, not '" + c.to() + "'");
        }
        return sourceRelation(from, s.sourceName(), s.tableName(), 0).toString();
    }

    /** Where a ref or source is written: a node's file, or dbt_project.yml for on-run hooks (no node). */
    private static String fileOf(Node from) {
        return from == null ? "dbt_project.yml" : from.originalFilePath();
    }

    private static String nameOf(Node from) {
        return from == null ? "an on-run-start/on-run-end hook" : from.name();
    }

    private Node lookup(Node from, RefCall call) {
        Node n = from == null ? null : parsedTarget(from, call);
        if (n != null) {
            return n;
        }
        n = refable.get(call.name());
        if (n != null && (call.packageName() == null || call.packageName().equals(n.packageName()))) {
            return n;
        }
        throw SluiceException.user("ref.unknown", new Location(fileOf(from), call.line(), 0),
                "Cannot resolve ref('" + call.name() + "') in " + nameOf(from) + ": no model, seed or snapshot named '"
                        + call.name() + "' exists" + dev.sluice.core.internal.parse.Suggestions.didYouMean(call.name(),
                        manifest.nodes().values().stream().map(Node::name).toList()));
    }

    /** The node a ref of {@code from} was resolved to when the project was parsed (packages searched as dbt does). */
    private Node parsedTarget(Node from, RefCall call) {
        for (String id : from.dependsOnNodes()) {
            Node n = manifest.nodes().get(id);
            if (n != null && n.name().equals(call.name())
                    && (call.packageName() == null || call.packageName().equals(n.packageName()))
                    && (n.versioning() == null || (call.version() == null ? n.versioning().isLatest()
                            : call.version().replaceAll("\\.0$", "").equals(n.version())))) {
                return n;
            }
        }
        return null;
    }

    private SourceDef sourceOf(Node from, String sourceName, String tableName) {
        SourceDef s = manifest.sources().get("source." + scope.projectName() + "." + sourceName + "." + tableName);
        if (s == null && from != null) {
            s = manifest.sources().get("source." + from.packageName() + "." + sourceName + "." + tableName);
        }
        return s;
    }

    private DbtRelation sourceRelation(Node from, String sourceName, String tableName, int line) {
        SourceDef s = sourceOf(from, sourceName, tableName);
        if (s == null) {
            throw SluiceException.user("source.unknown", new Location(fileOf(from), line, 0),
                    "Cannot resolve source('" + sourceName + "', '" + tableName + "') in " + nameOf(from)
                            + ": no such source table is declared in a YAML file");
        }
        return new DbtRelation(Relation.of(s.database(), s.schema(), s.identifier(), RelationType.TABLE), scope.dialect());
    }

    private String write(Node node, String sql) {
        Path file = scope.project().targetDir().resolve("compiled").resolve(node.packageName())
                .resolve(node.originalFilePath());
        if (node.test() != null) {
            file = file.resolve(node.path()); // as dbt: compiled/<package>/models/schema.yml/<test>.sql
        } else if (node.originalFilePath().endsWith(".yml") || node.originalFilePath().endsWith(".yaml")) {
            file = file.resolve(node.name() + ".sql"); // a YAML snapshot: beside the tests of its file
        }
        OutputFiles.plain(file, sql);
        return scope.project().dir().relativize(file).toString().replace('\\', '/');
    }

}
