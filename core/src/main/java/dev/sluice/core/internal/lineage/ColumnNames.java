package dev.sluice.core.internal.lineage;

import static dev.sluice.core.internal.lineage.Identifiers.fold;
import static java.util.Map.entry;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.ArrayConstructor;
import net.sf.jsqlparser.expression.ArrayExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.CaseExpression;
import net.sf.jsqlparser.expression.CastExpression;
import net.sf.jsqlparser.expression.CollateExpression;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExtractExpression;
import net.sf.jsqlparser.expression.IntervalExpression;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionType;
import net.sf.jsqlparser.expression.RowConstructor;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.statement.create.table.ColDataType;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The name PostgreSQL gives an unaliased output column (FigureColname in parse_target.c): a
 * column's name, a function's name, a cast's type when nothing better is known, {@code case},
 * else {@code ?column?}.
 */
final class ColumnNames {
    static final String UNNAMED = "?column?";

    /** Names that SQL spells differently from the type PostgreSQL stores. */
    private static final Map<String, String> TYPE_NAMES = Map.ofEntries(entry("int", "int4"),
            entry("integer", "int4"), entry("smallint", "int2"), entry("bigint", "int8"), entry("real", "float4"),
            entry("float", "float8"), entry("double precision", "float8"), entry("decimal", "numeric"),
            entry("dec", "numeric"), entry("boolean", "bool"), entry("char", "bpchar"), entry("character", "bpchar"),
            entry("nchar", "bpchar"), entry("national character", "bpchar"), entry("character varying", "varchar"),
            entry("national character varying", "varchar"), entry("timestamp without time zone", "timestamp"),
            entry("timestamp with time zone", "timestamptz"), entry("time without time zone", "time"),
            entry("time with time zone", "timetz"), entry("bit varying", "varbit"));
    private static final Pattern TYPE_MODIFIERS = Pattern.compile("\\s*\\([^)]*\\)");
    private static final Pattern FLOAT_PRECISION = Pattern.compile("float\\s*\\(\\s*(\\d+)\\s*\\).*");

    private ColumnNames() {
    }

    /** A name, and how sure PostgreSQL is of it: 2 for a column or function name, 1 for a type or {@code case}. */
    private record Figure(String name, int strength) {
        static final Figure NONE = new Figure(UNNAMED, 0);
    }

    /** The name of {@code e}; {@code subquery} names a scalar subquery by its first column. */
    static String of(Expression e, Function<Select, String> subquery) {
        return figure(e, subquery).name();
    }

    private static Figure figure(Expression e, Function<Select, String> subquery) {
        if (e instanceof ParenthesedExpressionList<?> list) {
            return list.size() == 1 ? figure(list.get(0), subquery) : new Figure("row", 2);
        }
        if (e instanceof Column c) {
            String name = ExpressionTracer.isValueFunction(c) ? c.getColumnName().toLowerCase(Locale.ROOT)
                    : fold(c.getColumnName());
            return new Figure(name, 2);
        }
        if (e instanceof net.sf.jsqlparser.expression.Function f) {
            if (f.getAttributeColumn() != null) {
                return new Figure(fold(f.getAttributeColumn().getColumnName()), 2);
            }
            return new Figure(fold(f.getMultipartName().get(f.getMultipartName().size() - 1)), 2);
        }
        if (e instanceof AnalyticExpression a) {
            String name = a.getName();
            return new Figure(Identifiers.lastPart(name.substring(name.lastIndexOf(' ') + 1)), 2);
        }
        if (e instanceof CastExpression c) {
            Figure inner = figure(c.getLeftExpression(), subquery);
            return inner.strength() > 1 ? inner : new Figure(typeName(c.getColDataType()), 1);
        }
        if (e instanceof CaseExpression c) {
            Figure otherwise = c.getElseExpression() == null ? Figure.NONE : figure(c.getElseExpression(), subquery);
            return otherwise.strength() > 1 ? otherwise : new Figure("case", 1);
        }
        if (e instanceof Select s) {
            String name = subquery.apply(s);
            return name == null ? Figure.NONE : new Figure(name, 2);
        }
        if (e instanceof RowGetExpression r) {
            return new Figure(fold(r.getColumnName()), 2);
        }
        if (e instanceof ArrayExpression a) {
            return figure(a.getObjExpression(), subquery);
        }
        if (e instanceof CollateExpression c) {
            return figure(c.getLeftExpression(), subquery);
        }
        if (e instanceof TrimFunction t) {
            String name = t.getTrimSpecification() == TrimFunction.TrimSpecification.LEADING ? "ltrim"
                    : t.getTrimSpecification() == TrimFunction.TrimSpecification.TRAILING ? "rtrim" : "btrim";
            return new Figure(name, 2);
        }
        if (e instanceof TimeKeyExpression k) {
            String key = k.getStringValue().toLowerCase(Locale.ROOT);
            int paren = key.indexOf('(');
            return new Figure((paren < 0 ? key : key.substring(0, paren)).strip(), 2);
        }
        if (e instanceof DateTimeLiteralExpression d) {
            return new Figure(d.getType().name().toLowerCase(Locale.ROOT), 1);
        }
        if (e instanceof JsonFunction j) {
            return new Figure(j.getType() == JsonFunctionType.ARRAY ? "json_array" : "json_object", 2);
        }
        if (e instanceof JsonAggregateFunction j) {
            return new Figure(j.getType() == JsonFunctionType.ARRAY ? "json_arrayagg" : "json_objectagg", 2);
        }
        if (e instanceof ExtractExpression) {
            return new Figure("extract", 2);
        }
        if (e instanceof TimezoneExpression) {
            return new Figure("timezone", 2);
        }
        if (e instanceof ArrayConstructor) {
            return new Figure("array", 2);
        }
        if (e instanceof RowConstructor<?>) {
            return new Figure("row", 2);
        }
        if (e instanceof ExistsExpression) {
            return new Figure("exists", 2);
        }
        if (e instanceof IntervalExpression) {
            return new Figure("interval", 1);
        }
        if (e instanceof BooleanValue) {
            return new Figure("bool", 1);
        }
        return Figure.NONE;
    }

    /** The type's name as PostgreSQL stores it: {@code int4} for {@code integer}, no modifiers nor array brackets. */
    static String typeName(ColDataType type) {
        String raw = type.getDataType().strip();
        if (raw.endsWith("\"")) {
            return Identifiers.lastPart(raw);
        }
        String lower = raw.toLowerCase(Locale.ROOT);
        var precision = FLOAT_PRECISION.matcher(lower);
        if (precision.matches()) {
            return Integer.parseInt(precision.group(1)) <= 24 ? "float4" : "float8";
        }
        String name = TYPE_MODIFIERS.matcher(lower).replaceAll("").replaceAll("\\s+", " ");
        name = name.substring(name.lastIndexOf('.') + 1);
        return TYPE_NAMES.getOrDefault(name, name);
    }
}
