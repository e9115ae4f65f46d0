package dev.sluice.core.internal.context;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Signature;

/**
 * The part of dbt's {@code adapter} object templates use without a connection: {@code type()},
 * {@code quote(...)} and {@code dispatch(name, macro_namespace)}, which finds
 * {@code <adapter>__name}, then {@code default__name}, in the project before the namespace.
 */
final class AdapterObject implements JinjaObject {
    private static final Signature DISPATCH = Signature.of("dispatch").required("macro_name")
            .optional("macro_namespace", null).build();

    private final NodeContext context;

    AdapterObject(NodeContext context) {
        this.context = context;
    }

    private static final java.util.Set<String> CONNECTED = java.util.Set.of("execute", "get_relation", "drop_relation",
            "rename_relation", "get_columns_in_relation", "create_schema", "get_missing_columns",
            "expand_target_column_types", "drop_schema", "list_relations_without_caching", "already_exists",
            "check_schema_exists");

    @Override
    public Object attribute(String name) {
        if (CONNECTED.contains(name) && context.connection() == null && !context.executing()) {
            // at parse time, as in dbt, nothing is asked of the database: empty answers
            return (JinjaCallable) (cc, args) -> switch (name) {
                case "get_columns_in_relation", "get_missing_columns", "list_relations_without_caching" ->
                        new java.util.ArrayList<>();
                case "already_exists", "check_schema_exists" -> false;
                case "execute" -> dev.sluice.jinja.spi.PyTuple.of(new java.util.LinkedHashMap<>(java.util.Map.of(
                        "_message", "", "code", "", "rows_affected", -1L)), new QueryTable(
                                new dev.sluice.core.spi.QueryResult(java.util.List.of(), java.util.List.of())));
                default -> null;
            };
        }
        return switch (name) {
            case "type" -> (JinjaCallable) (cc, args) -> context.scope().target().type();
            case "quote" -> (JinjaCallable) (cc, args) -> context.scope().dialect().quote(String.valueOf(args.get(0)));
            case "dispatch" -> (JinjaCallable) this::dispatch;
            case "execute" -> (JinjaCallable) this::execute;
            case "get_relation" -> (JinjaCallable) this::getRelation;
            case "drop_relation" -> (JinjaCallable) (cc, args) -> {
                dev.sluice.core.spi.Relation r = relation(cc, args.get(0), "drop_relation");
                connection(cc, "drop_relation").execute(context.scope().dialect().drop(existing(cc, r)));
                return "";
            };
            case "rename_relation" -> (JinjaCallable) (cc, args) -> {
                dev.sluice.core.spi.Relation from = existing(cc, relation(cc, args.get(0), "rename_relation"));
                dev.sluice.core.spi.Relation to = relation(cc, args.get(1), "rename_relation");
                connection(cc, "rename_relation").execute(context.scope().dialect().rename(from, to.identifier()));
                return "";
            };
            case "get_columns_in_relation" -> (JinjaCallable) (cc, args) -> columns(cc,
                    relation(cc, args.get(0), "get_columns_in_relation"));
            case "get_missing_columns" -> (JinjaCallable) (cc, args) -> {
                java.util.Set<String> there = new java.util.HashSet<>();
                for (Object c : columns(cc, relation(cc, args.get(1), "get_missing_columns"))) {
                    there.add(String.valueOf(((ColumnObject) c).attribute("name")).toLowerCase(java.util.Locale.ROOT));
                }
                java.util.List<Object> out = new java.util.ArrayList<>();
                for (Object c : columns(cc, relation(cc, args.get(0), "get_missing_columns"))) {
                    if (!there.contains(String.valueOf(((ColumnObject) c).attribute("name")).toLowerCase(java.util.Locale.ROOT))) {
                        out.add(c);
                    }
                }
                return out;
            };
            case "expand_target_column_types" -> (JinjaCallable) this::expandTargetColumnTypes;
            case "drop_schema" -> (JinjaCallable) (cc, args) -> {
                dev.sluice.core.spi.Relation r = relation(cc, args.get(0), "drop_schema");
                connection(cc, "drop_schema").execute("drop schema if exists "
                        + context.scope().dialect().quote(r.schema()) + " cascade");
                return "";
            };
            case "list_relations_without_caching" -> (JinjaCallable) (cc, args) -> {
                dev.sluice.core.spi.Relation r = relation(cc, args.get(0), "list_relations_without_caching");
                java.util.List<Object> out = new java.util.ArrayList<>();
                connection(cc, "list_relations_without_caching").listRelations(r.database(), r.schema())
                        .forEach(x -> out.add(new DbtRelation(x, context.scope().dialect())));
                return out;
            };
            case "already_exists" -> (JinjaCallable) (cc, args) -> connection(cc, "already_exists")
                    .getRelation(null, String.valueOf(args.get(0)), String.valueOf(args.get(1))).isPresent();
            case "check_schema_exists" -> (JinjaCallable) (cc, args) -> {
                java.util.List<java.util.List<Object>> rows = connection(cc, "check_schema_exists").query(
                        "select count(*) from pg_namespace where nspname = "
                                + context.scope().dialect().literal(String.valueOf(args.get(1)))).rows();
                return ((Number) rows.get(0).get(0)).longValue() > 0;
            };
            case "create_schema" -> (JinjaCallable) (cc, args) -> {
                dev.sluice.core.spi.Relation r = relation(cc, args.get(0), "create_schema");
                connection(cc, "create_schema").execute(context.scope().dialect().createSchema(r.database(), r.schema()));
                return "";
            };
            case "commit" -> (JinjaCallable) (cc, args) -> ""; // the materialization's transaction commits when it ends
            default -> ABSENT;
        };
    }

    private static final Signature EXECUTE = Signature.of("execute").required("sql").optional("auto_begin", false)
            .optional("fetch", false).optional("limit", null).build();

    /** adapter.execute(sql, fetch=False): (response, table), the response with _message, code and rows_affected. */
    private Object execute(CallContext cc, Arguments args) {
        Object[] a = EXECUTE.bind(args);
        String sql = String.valueOf(a[0]);
        dev.sluice.core.spi.AdapterConnection c = connection(cc, "execute");
        java.util.Map<String, Object> response = new java.util.LinkedHashMap<>();
        Object table;
        if (Boolean.TRUE.equals(a[2])) {
            dev.sluice.core.spi.QueryResult r = c.query(sql);
            table = new QueryTable(r);
            response.put("_message", "SELECT " + r.rows().size());
            response.put("code", "SELECT");
            response.put("rows_affected", (long) r.rows().size());
        } else {
            long n = c.execute(sql);
            String code = commandTag(sql);
            table = new QueryTable(new dev.sluice.core.spi.QueryResult(java.util.List.of(), java.util.List.of()));
            response.put("_message", switch (code) {
                case "INSERT" -> "INSERT 0 " + Math.max(n, 0);
                case "SELECT", "UPDATE", "DELETE", "MERGE", "COPY" -> code + " " + Math.max(n, 0);
                default -> code;
            });
            response.put("code", code);
            response.put("rows_affected", n);
        }
        return dev.sluice.jinja.spi.PyTuple.of(response, table);
    }

    /** PostgreSQL's command tag for a statement: CREATE TABLE ... AS reports SELECT, as the server does. */
    static String commandTag(String sql) {
        String s = sql.strip().replaceAll("^(--[^\\n]*\\n|/\\*.*?\\*/|\\s)+", "").toUpperCase(java.util.Locale.ROOT);
        String[] words = s.split("\\s+");
        String first = words.length == 0 ? "" : words[0];
        if (first.equals("CREATE") && s.matches("(?s)CREATE\\s+(TEMP\\w*\\s+|UNLOGGED\\s+)?TABLE\\b.*\\bAS\\b.*")) {
            return "SELECT";
        }
        if (first.equals("CREATE") || first.equals("DROP") || first.equals("ALTER")) {
            int i = 1;
            while (i < words.length - 1 && MODIFIERS.contains(words[i])) {
                i++;
            }
            if (i >= words.length) {
                return first;
            }
            String what = words[i].replaceAll("[^A-Z_]", "");
            return what.equals("MATERIALIZED") && i + 1 < words.length ? first + " MATERIALIZED VIEW" : first + " " + what;
        }
        if (first.equals("WITH")) {
            return "SELECT";
        }
        return first.replaceAll("[^A-Z_]", "");
    }

    private static final java.util.Set<String> MODIFIERS = java.util.Set.of("OR", "REPLACE", "TEMP", "TEMPORARY",
            "UNLOGGED", "UNIQUE", "IF", "NOT", "EXISTS");

    private java.util.List<Object> columns(CallContext cc, dev.sluice.core.spi.Relation r) {
        java.util.List<Object> out = new java.util.ArrayList<>();
        for (dev.sluice.core.spi.Column c : connection(cc, "get_columns_in_relation").columns(r)) {
            out.add(new ColumnObject(c.name(), c.dataType(), context.scope().dialect()));
        }
        return out;
    }

    /** Widens the target's varchar columns that are narrower than the same columns of the source, as dbt does. */
    private Object expandTargetColumnTypes(CallContext cc, Arguments args) {
        dev.sluice.core.spi.Relation from = relation(cc, args.get(0), "expand_target_column_types");
        dev.sluice.core.spi.Relation to = relation(cc, args.get(1), "expand_target_column_types");
        java.util.Map<String, ColumnObject> target = new java.util.HashMap<>();
        for (Object c : columns(cc, to)) {
            target.put(String.valueOf(((ColumnObject) c).attribute("name")), (ColumnObject) c);
        }
        dev.sluice.core.spi.Dialect d = context.scope().dialect();
        for (Object o : columns(cc, from)) {
            ColumnObject source = (ColumnObject) o;
            ColumnObject dest = target.get(String.valueOf(source.attribute("name")));
            if (dest != null && Boolean.TRUE.equals(((JinjaCallable) dest.attribute("can_expand_to")).call(cc,
                    Arguments.of(source)))) {
                connection(cc, "expand_target_column_types").execute("alter table " + d.render(to) + " alter column "
                        + d.quote(String.valueOf(source.attribute("name"))) + " type " + source.attribute("data_type"));
            }
        }
        return "";
    }

    private static final Signature GET_RELATION = Signature.of("get_relation").required("database").required("schema")
            .required("identifier").build();

    private Object getRelation(CallContext cc, Arguments args) {
        Object[] a = GET_RELATION.bind(args);
        String database = a[0] == null || String.valueOf(a[0]).isEmpty() ? null : String.valueOf(a[0]);
        return connection(cc, "get_relation").getRelation(database, String.valueOf(a[1]), String.valueOf(a[2]))
                .map(r -> (Object) new DbtRelation(r, context.scope().dialect())).orElse(null);
    }

    /** The relation as it is in the database (with its real type), so that it is dropped or renamed as what it is. */
    private dev.sluice.core.spi.Relation existing(CallContext cc, dev.sluice.core.spi.Relation r) {
        return connection(cc, "get_relation").getRelation(r.database(), r.schema(), r.identifier()).orElse(r);
    }

    private static dev.sluice.core.spi.Relation relation(CallContext cc, Object v, String method) {
        if (v instanceof DbtRelation r) {
            return r.relation();
        }
        throw SluiceException.user("adapter.argument", new Location(cc.templateName(), cc.line(), 0),
                "Cannot call adapter." + method + ": its argument is not a relation (got " + v + ")");
    }

    private dev.sluice.core.spi.AdapterConnection connection(CallContext cc, String method) {
        dev.sluice.core.spi.AdapterConnection c = context.connection();
        if (c == null) {
            throw SluiceException.user("adapter.connection", new Location(cc.templateName(), cc.line(), 0),
                    "Cannot call adapter." + method + " here: it needs the database, which Sluice opens for "
                            + "materializations and run-operation");
        }
        return c;
    }

    /**
     * dbt's search: for each package of the search order, {@code <adapter>__name} then
     * {@code default__name}. The order is dbt_project.yml's {@code dispatch} entry for the
     * namespace; else the root project then the namespace, when it is loaded (a package, dbt, the
     * project); else an unqualified lookup (the node's package, the project, dbt).
     */
    private Object dispatch(CallContext cc, Arguments args) {
        Object[] a = DISPATCH.bind(args);
        String macro = String.valueOf(a[0]);
        String namespace = a[1] == null ? null : String.valueOf(a[1]);
        MacroRegistry registry = context.scope().macros();
        String adapter = context.scope().target().type();
        String project = context.scope().projectName();
        java.util.List<String> order = java.util.Collections.singletonList(null);
        if (namespace != null) {
            java.util.List<String> configured = context.scope().project().dispatch().get(namespace);
            if (configured != null) {
                order = configured;
            } else if (registry.hasPackage(namespace) || namespace.equals(project)) {
                order = java.util.List.of(project, namespace);
            }
        }
        for (String pkg : order) {
            for (String prefix : new String[] {adapter + "__", "default__"}) {
                MacroRegistry.Entry e = pkg == null ? registry.resolve(context.packageName(), prefix + macro)
                        : registry.find(pkg, prefix + macro);
                if (e != null) {
                    return new MacroCallable(e, context);
                }
            }
        }
        throw SluiceException.user("macro.dispatch", new Location(cc.templateName(), cc.line(), 0),
                "Cannot dispatch macro '" + macro + "'" + (namespace == null ? "" : " in namespace '" + namespace + "'")
                        + ": no " + adapter + "__" + macro + " or default__" + macro + " macro exists"
                        + (order.get(0) == null ? "" : " in " + String.join(", ", order)));
    }

    @Override
    public String str() {
        return "<Adapter " + context.scope().target().type() + ">";
    }

    @Override
    public String typeName() {
        return "PostgresAdapter";
    }
}
