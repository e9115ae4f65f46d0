package dev.sluice.core.internal.context;

import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.Relation;
import dev.sluice.core.spi.RelationType;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.Signature;

/** dbt's {@code api}: {@code api.Relation.create(database=, schema=, identifier=, type=)}. */
final class ApiObject implements JinjaObject {
    private static final Signature CREATE = Signature.of("create").optional("database", null).optional("schema", null)
            .optional("identifier", null).optional("type", null).build();

    private final Dialect dialect;
    private final String defaultSchema;

    /** @param defaultSchema the schema of a relation created without one (the target's) */
    ApiObject(Dialect dialect, String defaultSchema) {
        this.dialect = dialect;
        this.defaultSchema = defaultSchema;
    }

    @Override
    public Object attribute(String name) {
        if (name.equals("Column")) {
            return new JinjaObject() {
                @Override
                public Object attribute(String attr) {
                    return attr.equals("create") ? (JinjaCallable) (cc, args) -> new ColumnObject(
                            String.valueOf(args.get(0)), String.valueOf(args.size() > 1 ? args.get(1)
                                    : args.keyword("label_or_dtype", "text")), dialect) : ABSENT;
                }

                @Override
                public String typeName() {
                    return "type";
                }
            };
        }
        if (!name.equals("Relation")) {
            return ABSENT;
        }
        return new JinjaObject() {
            @Override
            public Object attribute(String attr) {
                return attr.equals("create") ? (JinjaCallable) (cc, args) -> create(args) : ABSENT;
            }

            @Override
            public String typeName() {
                return "type";
            }
        };
    }

    private DbtRelation create(Arguments args) {
        Object[] a = CREATE.bind(args);
        RelationType type = a[3] == null ? RelationType.UNKNOWN : DbtRelation.typeOf(String.valueOf(a[3]));
        if (a[2] == null) {
            throw new IllegalArgumentException("api.Relation.create needs an identifier");
        }
        return new DbtRelation(new Relation(a[0] == null ? null : String.valueOf(a[0]), a[1] == null ? defaultSchema
                : String.valueOf(a[1]), String.valueOf(a[2]), type), dialect);
    }

    @Override
    public String typeName() {
        return "module";
    }
}
