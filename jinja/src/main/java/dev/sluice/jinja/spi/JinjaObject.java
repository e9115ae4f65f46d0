package dev.sluice.jinja.spi;

/**
 * A host object a template can use: its attributes and items are exactly what these methods
 * return, never anything found by reflection (templates come from users' projects).
 *
 * <pre>{@code
 * record Relation(String schema, String name) implements JinjaObject {
 *     public Object attribute(String attr) {
 *         return switch (attr) {
 *             case "schema" -> schema;
 *             case "identifier" -> name;
 *             default -> ABSENT;
 *         };
 *     }
 *     public String str() { return schema + "." + name; }
 * }
 * }</pre>
 */
public interface JinjaObject {
    /** Returned by {@link #attribute} and {@link #item} when there is no such member. */
    Object ABSENT = new Object() {
        @Override
        public String toString() {
            return "ABSENT";
        }
    };

    /** {@code obj.name}; a method is an attribute whose value is a {@link JinjaCallable}. */
    default Object attribute(String name) {
        return ABSENT;
    }

    /** {@code obj[key]}. */
    default Object item(Object key) {
        return ABSENT;
    }

    /** What {@code {{ obj }}} prints: Python's {@code str()}. */
    default String str() {
        return toString();
    }

    /** Python's {@code repr()}: how the object prints inside a list or dict. */
    default String repr() {
        return str();
    }

    default boolean truthy() {
        return true;
    }

    /** The type name used in messages, as in {@code 'Relation object' has no attribute 'x'}. */
    default String typeName() {
        return getClass().getSimpleName();
    }
}
