package dev.sluice.core.internal.model;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.api.Location;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A constraint a property file declares on a model's column ({@code columns} empty) or on the
 * model itself ({@code columns} naming the columns it spans), as dbt reads them.
 *
 * @param expression free text whose meaning depends on the type: a check's predicate, a custom
 *     constraint's SQL, a foreign key's {@code table (columns)}, or words after {@code unique}
 * @param to a foreign key's referenced relation as written: {@code ref('customers')} or
 *     {@code source('app', 'customers')}; null when the expression names it instead
 * @param where the constraint's place in its property file
 */
public record Constraint(Type type, String name, String expression, boolean warnUnenforced, boolean warnUnsupported,
        String to, List<String> toColumns, List<String> columns, Location where) {
    private static final Pattern REF = Pattern.compile(
            "ref\\(\\s*(['\"])([^'\"]+)\\1\\s*(?:,\\s*(['\"])([^'\"]+)\\3\\s*)?"
                    + "(?:,\\s*(?:v|version)\\s*=\\s*['\"]?([^'\")\\s]+)['\"]?\\s*)?\\)");
    private static final Pattern SOURCE = Pattern.compile(
            "source\\(\\s*(['\"])([^'\"]+)\\1\\s*,\\s*(['\"])([^'\"]+)\\3\\s*\\)");

    public Constraint {
        requireNonNull(type, "type is null");
        toColumns = List.copyOf(toColumns);
        columns = List.copyOf(columns);
    }

    /** The constraint types dbt knows, by their dbt names. */
    public enum Type {
        CHECK, NOT_NULL, UNIQUE, PRIMARY_KEY, FOREIGN_KEY, CUSTOM;

        public String dbtName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The type named {@code name} (case-insensitively, as dbt's enum accepts), or null. */
        public static Type of(String name) {
            for (Type t : values()) {
                if (t.dbtName().equalsIgnoreCase(name.strip())) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The model a foreign key's {@code to} names with {@code ref(...)}, or null when it is not a ref() call. */
    public RefCall toRef() {
        Matcher m = to == null ? null : REF.matcher(to.strip());
        if (m == null || !m.matches()) {
            return null;
        }
        boolean two = m.group(4) != null;
        return new RefCall(two ? m.group(2) : null, two ? m.group(4) : m.group(2), m.group(5), 0);
    }

    /** The source table a foreign key's {@code to} names with {@code source(...)}, or null when it is not one. */
    public SourceCall toSource() {
        Matcher m = to == null ? null : SOURCE.matcher(to.strip());
        return m == null || !m.matches() ? null : new SourceCall(m.group(2), m.group(4), 0);
    }

    /** This constraint with another expression and {@code to} (after rendering). */
    public Constraint with(String newExpression, String newTo) {
        return new Constraint(type, name, newExpression, warnUnenforced, warnUnsupported, newTo, toColumns, columns,
                where);
    }
}
