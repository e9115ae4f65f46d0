package dev.sluice.core.internal.context;

import dev.sluice.core.Sluice;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.RefCall;
import dev.sluice.core.internal.model.SourceCall;
import dev.sluice.core.internal.project.Vars;
import dev.sluice.core.spi.TargetConfig;
import dev.sluice.jinja.Template;
import dev.sluice.jinja.TemplateException;
import dev.sluice.jinja.TemplateModule;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.MacroReturn;
import dev.sluice.jinja.spi.Signature;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The variables one render sees, as dbt's context gives them: {@code ref}, {@code source},
 * {@code config}, {@code var}, {@code env_var}, {@code target}, {@code this}, {@code model},
 * {@code execute}, {@code is_incremental}, {@code return}, {@code log}, {@code exceptions},
 * {@code adapter}, package namespaces, and every macro by name. At parse time ({@code execute}
 * false) {@code ref}/{@code source}/{@code config} calls are captured; at run time they resolve.
 */
public final class NodeContext {
    private static final Signature VAR = Signature.of("var").required("name").optional("default", Vars.MISSING).build();
    private static final Signature ENV_VAR = Signature.of("env_var").required("var").optional("default", null).build();
    private static final Signature SOURCE = Signature.of("source").required("source_name", "table_name").build();

    private final ProjectScope scope;
    private final Mode mode;
    private final String packageName;
    private final String file;
    private final Map<String, Object> model;
    private final DbtRelation self;
    private final Resolver resolver;
    private final ParseCapture capture;
    private final Map<MacroFile, TemplateModule> modules = new HashMap<>();
    private final ContextMap variables;

    /**
     * @param mode parse, naming or run
     * @param file the node's file, relative to the project (for error locations)
     * @param model the node as templates see it ({@code model}), with its {@code config}
     * @param self the node's relation ({@code this}), or null
     * @param resolver resolves refs and sources at run time; null at parse time
     * @param capture records calls at parse time; null at run time
     */
    public NodeContext(ProjectScope scope, Mode mode, String packageName, String file, Map<String, Object> model,
            DbtRelation self, Resolver resolver, ParseCapture capture) {
        this.scope = scope;
        this.mode = mode;
        this.packageName = packageName;
        this.file = file;
        this.model = model;
        this.self = self;
        this.resolver = resolver;
        this.capture = capture;
        this.variables = new ContextMap(base(), scope.macros().names(packageName),
                name -> new MacroCallable(scope.macros().resolve(packageName, name), this));
    }

    public ProjectScope scope() {
        return scope;
    }

    /** The package of the node rendered (its macros come first in unqualified calls). */
    String packageName() {
        return packageName;
    }

    private volatile dev.sluice.core.spi.AdapterConnection connection;
    /** What statement blocks with a name stored, for load_result. */
    private final Map<String, Object> results = new java.util.concurrent.ConcurrentHashMap<>();

    /** dbt's store_result(name, response, agate_table): what load_result(name) returns later. */
    private Object storeResult(CallContext cc, Arguments a) {
        Map<String, Object> r = new LinkedHashMap<>();
        Object response = a.size() > 1 ? a.get(1) : a.keyword("response", null);
        Object table = a.size() > 2 ? a.get(2) : a.keyword("agate_table", null);
        r.put("response", response);
        r.put("table", table);
        r.put("data", table instanceof QueryTable t ? t.attribute("rows") : java.util.List.of());
        results.put(String.valueOf(a.get(0)), r);
        return "";
    }

    /**
     * Lets templates use {@code connection} as dbt's materializations do: {@code adapter.execute},
     * {@code adapter.get_relation} and friends, {@code statement} blocks and {@code run_query}.
     */
    public NodeContext bindConnection(dev.sluice.core.spi.AdapterConnection connection) {
        this.connection = connection;
        variables.define("run_query", (JinjaCallable) (cc, a) -> new QueryTable(connection.query(String.valueOf(a.get(0)))));
        return this;
    }

    /** Whether templates run with {@code execute} true (not at parse time). */
    boolean executing() {
        return mode.execute();
    }

    /** The connection templates run statements on, or null when none is bound. */
    dev.sluice.core.spi.AdapterConnection connection() {
        return connection;
    }

    /** Adds a variable to this context (e.g. a generic test's {@code _dbt_generic_test_kwargs}). */
    public NodeContext define(String name, Object value) {
        variables.define(name, value);
        return this;
    }

    /** The variables to render with. */
    public Map<String, Object> variables() {
        return variables;
    }

    /** Renders {@code template} (parsed with this project's environment) in this context. */
    public String render(Template template) {
        try {
            return template.withEnvironment(mode.lenient() ? scope.parseEnv() : scope.runEnv()).render(variables);
        } catch (TemplateException e) {
            throw Errors.fromTemplate(e, file);
        }
    }

    /** Calls macro {@code name} as a template would; its text (stripped) or returned value. */
    public Object callMacro(String name, Arguments args) {
        MacroRegistry.Entry e = scope.macros().resolve(packageName, name);
        if (e == null) {
            throw SluiceException.internal("macro '" + name + "' is missing", null);
        }
        try {
            return new MacroCallable(e, this).call(null, args);
        } catch (TemplateException ex) {
            throw Errors.fromTemplate(ex, file);
        }
    }

    /** Calls the macro {@code e} (of any package, e.g. a package's materialization) as a template would. */
    public Object callMacro(MacroRegistry.Entry e, Arguments args) {
        try {
            return new MacroCallable(e, this).call(null, args);
        } catch (TemplateException ex) {
            throw Errors.fromTemplate(ex, file);
        }
    }

    TemplateModule module(MacroFile f) {
        TemplateModule m = modules.get(f);
        if (m == null) {
            m = f.template(mode).module(variables);
            modules.put(f, m);
        }
        return m;
    }

    void calledMacro(String uniqueId) {
        if (capture != null) {
            capture.macro(uniqueId);
        }
    }

    private Map<String, Object> base() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("execute", mode.execute());
        m.put("target", target(scope.target()));
        m.put("this", self);
        m.put("model", model);
        m.put("project_name", scope.projectName());
        m.put("dbt_version", Sluice.DBT_VERSION);
        m.put("invocation_id", scope.invocationId());
        m.put("run_started_at", new DateTimeObject(scope.runStartedAt()));
        m.put("ref", (JinjaCallable) this::ref);
        m.put("source", (JinjaCallable) this::source);
        m.put("config", new ConfigObject(capture, this::modelConfig, file));
        m.put("var", (JinjaCallable) this::var);
        m.put("env_var", (JinjaCallable) this::envVar);
        m.put("is_incremental", (JinjaCallable) (cc, args) -> false);
        m.put("should_full_refresh", (JinjaCallable) (cc, args) -> false);
        m.put("should_store_failures", (JinjaCallable) (cc, args) -> storeFailures());
        m.put("return", (JinjaCallable) (cc, args) -> {
            throw new MacroReturn(args.size() > 0 ? args.get(0) : null);
        });
        m.put("log", (JinjaCallable) this::log);
        m.put("exceptions", new ExceptionsObject(file, scope.listener()));
        m.put("adapter", new AdapterObject(this));
        m.put("api", new ApiObject(scope.dialect(), scope.target().schema()));
        m.put("store_result", (JinjaCallable) this::storeResult);
        m.put("load_result", (JinjaCallable) (cc, args) -> results.get(String.valueOf(args.get(0))));
        m.put("print", (JinjaCallable) (cc, args) -> {
            if (mode.execute()) {
                StringBuilder line = new StringBuilder();
                for (int i = 0; i < args.size(); i++) {
                    line.append(i == 0 ? "" : " ").append(cc.str(args.get(i)));
                }
                scope.listener().onEvent(new SluiceEvent.Message(SluiceEvent.Level.INFO, line.toString(), null));
            }
            return "";
        });
        m.put("zip", (JinjaCallable) Builtins::zip);
        m.put("set", (JinjaCallable) Builtins::set);
        m.put("local_md5", (JinjaCallable) Builtins::localMd5);
        m.put("toyaml", (JinjaCallable) Builtins::toYaml);
        m.put("fromyaml", (JinjaCallable) Builtins::fromYaml);
        m.put("flags", scope.invocation().flags());
        m.put("selected_resources", scope.invocation().selected());
        m.put("graph", scope.invocation().graph());
        Map<String, Object> builtins = new LinkedHashMap<>();
        builtins.put("ref", (JinjaCallable) this::ref);
        builtins.put("source", (JinjaCallable) this::source);
        builtins.put("config", m.get("config"));
        m.put("builtins", builtins);
        m.put("tojson", (JinjaCallable) Json::toJson);
        m.put("fromjson", (JinjaCallable) Json::fromJson);
        m.put("modules", PyModules.standard());
        m.put("dbt", new MacroNamespace("dbt", this));
        m.put(scope.projectName(), new MacroNamespace(scope.projectName(), this));
        for (String pkg : scope.macros().packages()) {
            m.putIfAbsent(pkg, new MacroNamespace(pkg, this)); // installed packages
        }
        return m;
    }

    /** dbt's log(msg, info=False): a message at run time, INFO when info is true, else DEBUG; nothing at parse time. */
    private Object log(CallContext cc, Arguments args) {
        if (mode.execute() && args.size() > 0) {
            Object info = args.size() > 1 ? args.get(1) : args.keyword("info", false);
            boolean visible = Boolean.TRUE.equals(info) || "true".equalsIgnoreCase(String.valueOf(info));
            scope.listener().onEvent(new SluiceEvent.Message(visible ? SluiceEvent.Level.INFO : SluiceEvent.Level.DEBUG,
                    String.valueOf(args.get(0)), null));
        }
        return "";
    }

    /** A test's store_failures config. */
    private boolean storeFailures() {
        Object v = modelConfig().get("store_failures");
        return Boolean.TRUE.equals(v) || "true".equalsIgnoreCase(String.valueOf(v));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> modelConfig() {
        Object c = model == null ? null : model.get("config");
        return c instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    private static Map<String, Object> target(TargetConfig t) {
        Map<String, Object> m = new LinkedHashMap<>();
        t.settings().forEach((k, v) -> {
            if (!TargetConfig.isSecret(k)) {
                m.put(k, v);
            }
        });
        m.put("name", t.name());
        m.put("profile_name", t.profile());
        m.put("type", t.type());
        m.put("threads", (long) t.threads());
        String db = t.database();
        if (db != null) {
            m.put("database", db);
            m.put("dbname", db);
        }
        return m;
    }

    private Object ref(CallContext cc, Arguments args) {
        String pkg = null;
        String name;
        if (args.size() == 1) {
            name = String.valueOf(args.get(0));
        } else if (args.size() == 2) {
            pkg = String.valueOf(args.get(0));
            name = String.valueOf(args.get(1));
        } else {
            throw SluiceException.user("ref.args", new Location(file, cc.line(), 0),
                    "Cannot call ref() with " + args.size() + " arguments: use ref('model') or ref('package', 'model')");
        }
        Object version = args.keyword("version", args.keyword("v", null));
        RefCall call = new RefCall(pkg, name, version == null ? null : String.valueOf(version), cc.line());
        if (capture != null) {
            capture.ref(call);
            return placeholder(name);
        }
        return resolver.ref(call);
    }

    private Object source(CallContext cc, Arguments args) {
        Object[] a = SOURCE.bind(args);
        String src = String.valueOf(a[0]);
        String table = String.valueOf(a[1]);
        if (capture != null) {
            capture.source(new SourceCall(src, table, cc.line()));
            return placeholder(table);
        }
        return resolver.source(src, table, cc.line());
    }

    private DbtRelation placeholder(String identifier) {
        return new DbtRelation(dev.sluice.core.spi.Relation.of(scope.database(), scope.target().schema(), identifier,
                dev.sluice.core.spi.RelationType.UNKNOWN), scope.dialect());
    }

    private Object var(CallContext cc, Arguments args) {
        Object[] a = VAR.bind(args);
        String name = String.valueOf(a[0]);
        Object v = scope.vars().lookup(name, packageName);
        if (v != Vars.MISSING) {
            return v;
        }
        if (a[1] != Vars.MISSING) {
            return a[1];
        }
        if (!mode.execute()) {
            return null;
        }
        throw SluiceException.user("var.missing", new Location(cc.templateName() == null ? file : cc.templateName(),
                cc.line(), 0), "Cannot compile: required var '" + name + "' not found in config (vars supplied: "
                + scope.vars().visible(packageName).keySet() + "); pass it with --vars '{" + name
                + ": ...}' or give var() a default");
    }

    private Object envVar(CallContext cc, Arguments args) {
        Object[] a = ENV_VAR.bind(args);
        String name = String.valueOf(a[0]);
        String v = scope.environment().get(name);
        if (v != null) {
            scope.invocation().secretIf(name, v);
            if (name.startsWith("DBT_ENV_SECRET_")) {
                scope.invocation().secret(v);
            }
            return v;
        }
        if (args.size() > 1 || args.hasKeyword("default")) {
            return a[1] == null ? null : String.valueOf(a[1]);
        }
        throw SluiceException.user("env_var.missing", new Location(cc.templateName() == null ? file : cc.templateName(),
                cc.line(), 0), "Cannot render: environment variable '" + name
                + "' is not set and env_var() was given no default");
    }

    /** dbt's {@code exceptions}: {@code raise_compiler_error(msg)}, {@code warn(msg)}. */
    private static final class ExceptionsObject implements JinjaObject {
        private final String file;
        private final dev.sluice.core.api.SluiceListener listener;

        ExceptionsObject(String file, dev.sluice.core.api.SluiceListener listener) {
            this.file = file;
            this.listener = listener;
        }

        @Override
        public Object attribute(String name) {
            return switch (name) {
                case "raise_compiler_error" -> (JinjaCallable) (cc, args) -> {
                    throw SluiceException.user("compiler_error", new Location(cc.templateName() == null ? file
                            : cc.templateName(), cc.line(), 0), String.valueOf(args.size() > 0 ? args.get(0) : ""));
                };
                case "warn" -> (JinjaCallable) (cc, args) -> {
                    listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, String.valueOf(args.size() > 0
                            ? args.get(0) : ""), new Location(cc.templateName() == null ? file : cc.templateName(),
                                    cc.line(), 0)));
                    return "";
                };
                default -> ABSENT;
            };
        }
    }

    /** Parse-time checks need the file; kept for diagnostics. */
    public String file() {
        return file;
    }

    /** Supplier of effective config for {@code config.get}, exposed for tests. */
    Supplier<Map<String, Object>> configSupplier() {
        return this::modelConfig;
    }
}
