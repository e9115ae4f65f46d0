package dev.sluice.core.internal.context;

import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * dbt's {@code Relation} as templates see it ({@code ref()}, {@code source()}, {@code this}): prints
 * as the quoted name; has {@code database}, {@code schema}, {@code identifier}, {@code name},
 * {@code type}, {@code is_table}/{@code is_view}/{@code is_cte}, {@code render()},
 * {@code include(...)}, {@code incorporate(...)}. An ephemeral model's relation prints as its CTE name.
 */
public final class DbtRelation implements JinjaObject {
    static final String CTE_PREFIX = "__dbt__cte__";

    private static final Signature INCLUDE = Signature.of("include").optional("database", null)
            .optional("schema", null).optional("identifier", null).build();
    private static final Signature INCORPORATE = Signature.of("incorporate").optional("path", null)
            .optional("type", null).build();

    private final Relation relation;
    private final Dialect dialect;
    private final boolean includeDatabase;
    private final boolean includeSchema;
    private final boolean includeIdentifier;
    /** A microbatch's event-time predicate on this relation, or null. */
    private final String filter;

    public DbtRelation(Relation relation, Dialect dialect) {
        this(relation, dialect, true, true, true, null);
    }

    private DbtRelation(Relation relation, Dialect dialect, boolean db, boolean schema, boolean identifier, String filter) {
        this.relation = relation;
        this.dialect = dialect;
        this.includeDatabase = db;
        this.includeSchema = schema;
        this.includeIdentifier = identifier;
        this.filter = filter;
    }

    /**
     * This relation as a microbatch model reads it: printed as a subquery of the rows whose
     * {@code column} falls in [start, end); its {@code render()} still gives the bare name.
     */
    public DbtRelation withEventTimeFilter(String column, String start, String end) {
        String predicate = dialect.quote(column) + " >= " + dialect.literal(start) + " and " + dialect.quote(column) + " < "
                + dialect.literal(end);
        return new DbtRelation(relation, dialect, includeDatabase, includeSchema, includeIdentifier, predicate);
    }

    /** How templates print it: its name, or for a microbatch's filtered input, the subquery. */
    private String printed() {
        if (filter == null) {
            return render();
        }
        return "(select * from " + render() + " where " + filter + ") as _dbt_et_filter_subq_" + relation.identifier();
    }

    public Relation relation() {
        return relation;
    }

    /** How it prints: {@code "db"."schema"."identifier"}, or {@code __dbt__cte__name} for an ephemeral model. */
    public String render() {
        if (relation.type() == RelationType.CTE) {
            return CTE_PREFIX + relation.identifier();
        }
        StringBuilder sb = new StringBuilder();
        if (includeDatabase && relation.database() != null && !relation.database().isEmpty()) {
            sb.append(dialect.quote(relation.database()));
        }
        if (includeSchema) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(dialect.quote(relation.schema()));
        }
        if (includeIdentifier) {
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(dialect.quote(relation.identifier()));
        }
        return sb.toString();
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "database" -> relation.database();
            case "schema" -> relation.schema();
            case "identifier", "name", "table" -> relation.identifier();
            case "type" -> relation.type() == RelationType.UNKNOWN ? null : relation.type().dbtName();
            case "is_table" -> relation.type() == RelationType.TABLE;
            case "is_view" -> relation.type() == RelationType.VIEW;
            case "is_cte" -> relation.type() == RelationType.CTE;
            case "is_materialized_view" -> relation.type() == RelationType.MATERIALIZED_VIEW;
            case "path" -> path();
            case "render" -> (JinjaCallable) (ctx, args) -> render();
            case "quote" -> (JinjaCallable) (ctx, args) -> this;
            case "include" -> (JinjaCallable) (ctx, args) -> include(args);
            case "incorporate" -> (JinjaCallable) (ctx, args) -> incorporate(args);
            case "without_identifier" -> (JinjaCallable) (ctx, args) ->
                    new DbtRelation(relation, dialect, includeDatabase, includeSchema, false, null);
            default -> ABSENT;
        };
    }

    private Map<String, Object> path() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("database", relation.database());
        m.put("schema", relation.schema());
        m.put("identifier", relation.identifier());
        return m;
    }

    private DbtRelation include(Arguments args) {
        Object[] a = INCLUDE.bind(args);
        return new DbtRelation(relation, dialect, a[0] == null ? includeDatabase : truthy(a[0]),
                a[1] == null ? includeSchema : truthy(a[1]), a[2] == null ? includeIdentifier : truthy(a[2]), null);
    }

    private DbtRelation incorporate(Arguments args) {
        Object[] a = INCORPORATE.bind(args);
        Relation r = relation;
        if (a[0] instanceof Map<?, ?> path) {
            r = new Relation(path.containsKey("database") ? str(path.get("database")) : r.database(),
                    path.containsKey("schema") ? str(path.get("schema")) : r.schema(),
                    path.containsKey("identifier") ? str(path.get("identifier")) : r.identifier(), r.type());
        }
        if (a[1] != null) {
            r = r.withType(typeOf(a[1].toString()));
        }
        return new DbtRelation(r, dialect, includeDatabase, includeSchema, includeIdentifier, null);
    }

    static RelationType typeOf(String dbtName) {
        for (RelationType t : RelationType.values()) {
            if (t.dbtName().equals(dbtName)) {
                return t;
            }
        }
        return RelationType.UNKNOWN;
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    private static boolean truthy(Object o) {
        return !(o == null || Boolean.FALSE.equals(o));
    }

    @Override
    public Object item(Object key) {
        return key instanceof String s ? attribute(s) : ABSENT;
    }

    @Override
    public String str() {
        return printed();
    }

    @Override
    public String repr() {
        return "<Relation " + render() + ">";
    }

    @Override
    public String typeName() {
        return "PostgresRelation";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DbtRelation r && r.relation.equals(relation) && r.render().equals(render());
    }

    @Override
    public int hashCode() {
        return relation.hashCode();
    }

    @Override
    public String toString() {
        return printed();
    }

    static PyTuple tuple(Object... items) {
        return PyTuple.of(items);
    }
}
