package dev.sluice.core.internal.context;

import dev.sluice.core.spi.Dialect;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A column as dbt's {@code api.Column} shows it to templates: {@code name}/{@code column},
 * {@code quoted}, {@code data_type} (with size or precision), {@code dtype}, {@code char_size},
 * {@code numeric_precision}/{@code numeric_scale}, and {@code is_string()}, {@code is_number()},
 * {@code is_numeric()}, {@code is_integer()}, {@code is_float()}, {@code string_size()},
 * {@code can_expand_to(other)}, {@code literal(value)}.
 */
public final class ColumnObject implements JinjaObject {
    private static final Pattern SIZED = Pattern.compile("^([a-z ]+?)\\s*\\((\\d+)(?:\\s*,\\s*(\\d+))?\\)$");

    private final String name;
    private final String type;
    private final Dialect dialect;

    /** @param type the database's type, e.g. {@code character varying(20)}, {@code numeric(10,2)}, {@code integer} */
    public ColumnObject(String name, String type, Dialect dialect) {
        this.name = name;
        this.type = type.strip().toLowerCase(Locale.ROOT);
        this.dialect = dialect;
    }

    private String base() {
        Matcher m = SIZED.matcher(type);
        return m.matches() ? m.group(1) : type;
    }

    private Long size(int group) {
        Matcher m = SIZED.matcher(type);
        return m.matches() && m.group(group) != null ? Long.valueOf(m.group(group)) : null;
    }

    boolean isString() {
        return switch (base()) {
            case "text", "character varying", "varchar", "character", "char", "bpchar", "citext", "name" -> true;
            default -> false;
        };
    }

    boolean isInteger() {
        return switch (base()) {
            case "integer", "int", "int4", "bigint", "int8", "smallint", "int2", "serial", "bigserial" -> true;
            default -> false;
        };
    }

    boolean isFloat() {
        return switch (base()) {
            case "real", "float4", "double precision", "float8", "float" -> true;
            default -> false;
        };
    }

    boolean isNumeric() {
        return base().equals("numeric") || base().equals("decimal");
    }

    @Override
    public Object attribute(String attr) {
        return switch (attr) {
            case "name", "column" -> name;
            case "quoted" -> dialect.quote(name);
            case "data_type" -> isString() && !base().equals("text") && size(2) == null ? base()
                    : type;
            case "dtype" -> base();
            case "char_size" -> isString() ? size(2) : null;
            case "numeric_precision" -> isNumeric() ? size(2) : null;
            case "numeric_scale" -> isNumeric() ? size(3) : null;
            case "is_string" -> (JinjaCallable) (cc, a) -> isString();
            case "is_number" -> (JinjaCallable) (cc, a) -> isInteger() || isFloat() || isNumeric();
            case "is_numeric" -> (JinjaCallable) (cc, a) -> isNumeric();
            case "is_integer" -> (JinjaCallable) (cc, a) -> isInteger();
            case "is_float" -> (JinjaCallable) (cc, a) -> isFloat();
            case "string_size" -> (JinjaCallable) (cc, a) -> {
                Long n = size(2);
                return isString() ? (n == null ? 256L : n) : null;
            };
            case "can_expand_to" -> (JinjaCallable) (cc, a) -> a.get(0) instanceof ColumnObject other && isString()
                    && other.isString() && size(2) != null && other.size(2) != null && other.size(2) > size(2);
            case "literal" -> (JinjaCallable) (cc, a) -> dialect.literal(String.valueOf(a.get(0))) + "::" + type;
            default -> ABSENT;
        };
    }

    @Override
    public String str() {
        return "<Column " + name + " (" + type + ")>";
    }

    @Override
    public String repr() {
        return str();
    }

    @Override
    public String typeName() {
        return "PostgresColumn";
    }
}
