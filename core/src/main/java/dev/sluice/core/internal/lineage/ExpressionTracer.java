package dev.sluice.core.internal.lineage;

import static dev.sluice.core.internal.lineage.Identifiers.fold;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.expression.AllValue;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.AnalyticType;
import net.sf.jsqlparser.expression.AnyComparisonExpression;
import net.sf.jsqlparser.expression.BooleanValue;
import net.sf.jsqlparser.expression.DateTimeLiteralExpression;
import net.sf.jsqlparser.expression.DateValue;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.ExpressionVisitorAdapter;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.HexValue;
import net.sf.jsqlparser.expression.JdbcNamedParameter;
import net.sf.jsqlparser.expression.JdbcParameter;
import net.sf.jsqlparser.expression.JsonAggregateFunction;
import net.sf.jsqlparser.expression.JsonExpression;
import net.sf.jsqlparser.expression.JsonFunction;
import net.sf.jsqlparser.expression.JsonFunctionExpression;
import net.sf.jsqlparser.expression.JsonKeyValuePair;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.NextValExpression;
import net.sf.jsqlparser.expression.NullValue;
import net.sf.jsqlparser.expression.RowGetExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.TimeKeyExpression;
import net.sf.jsqlparser.expression.TimeValue;
import net.sf.jsqlparser.expression.TimestampValue;
import net.sf.jsqlparser.expression.TimezoneExpression;
import net.sf.jsqlparser.expression.TrimFunction;
import net.sf.jsqlparser.expression.operators.relational.ExistsExpression;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.piped.FromQuery;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.OrderByElement;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.Select;

/**
 * The lineage of one expression: every column it reads that feeds its value. Function arguments
 * count; the ORDER BY inside an aggregate, its FILTER and a window's PARTITION BY and ORDER BY
 * do not (they choose or order rows, like WHERE), nor does the subquery of EXISTS. A CASE's
 * conditions do count: they pick the value.
 */
final class ExpressionTracer extends ExpressionVisitorAdapter<Void> {
    /** Leaves that read no column. Any other leaf is reported, never taken as a constant. */
    private static final Set<Class<?>> CONSTANTS = Set.of(NullValue.class, LongValue.class, DoubleValue.class,
            StringValue.class, BooleanValue.class, HexValue.class, DateValue.class, TimeValue.class,
            TimestampValue.class, DateTimeLiteralExpression.class, TimeKeyExpression.class, JdbcParameter.class,
            JdbcNamedParameter.class, NextValExpression.class, AllValue.class, AllColumns.class);

    /** PostgreSQL keywords that JSqlParser reads as column names but that are functions without parentheses. */
    private static final Set<String> VALUE_FUNCTIONS = Set.of("current_user", "session_user", "user",
            "current_role", "current_schema", "current_catalog", "current_date", "current_time",
            "current_timestamp", "localtime", "localtimestamp");

    private final QueryAnalyzer analyzer;
    private final Scope scope;
    private final Ctes ctes;
    private final List<Trace> parts = new ArrayList<>();

    private ExpressionTracer(QueryAnalyzer analyzer, Scope scope, Ctes ctes) {
        this.analyzer = analyzer;
        this.scope = scope;
        this.ctes = ctes;
    }

    static Trace trace(Expression e, QueryAnalyzer analyzer, Scope scope, Ctes ctes) {
        Expression x = unwrap(e);
        if (x instanceof Column c && c.getArrayConstructor() == null) {
            // a plain reference keeps the kind of what it refers to: DIRECT stays DIRECT through CTEs
            return column(c, scope);
        }
        if (x instanceof Select s) {
            return analyzer.scalar(s, ctes, scope);
        }
        Trace field = x instanceof RowGetExpression row ? field(row, scope) : null;
        if (field != null) {
            return field;
        }
        ExpressionTracer t = new ExpressionTracer(analyzer, scope, ctes);
        x.accept(t, null);
        return Trace.computed(t.parts);
    }

    /** {@code ((x))} is {@code x}. */
    static Expression unwrap(Expression e) {
        Expression x = e;
        while (x instanceof ParenthesedExpressionList<?> p && p.size() == 1) {
            x = p.get(0);
        }
        return x;
    }

    static boolean isValueFunction(Column c) {
        String raw = c.getColumnName();
        return (c.getTable() == null || c.getTable().getName() == null) && !raw.startsWith("\"")
                && VALUE_FUNCTIONS.contains(raw.toLowerCase(Locale.ROOT));
    }

    private static Trace column(Column c, Scope scope) {
        if (isValueFunction(c)) {
            return Trace.CONSTANT;
        }
        Table t = c.getTable();
        boolean qualified = t != null && t.getName() != null;
        return scope.column(qualified ? fold(t.getDatabaseName()) : null, qualified ? fold(t.getSchemaName()) : null,
                qualified ? fold(t.getName()) : null, fold(c.getColumnName()));
    }

    private void add(Expression e) {
        if (e != null) {
            e.accept(this, null);
        }
    }

    @Override
    public <S> Void visit(Column column, S context) {
        parts.add(column(column, scope));
        if (column.getArrayConstructor() != null) {
            column.getArrayConstructor().getExpressions().forEach(this::add);
        }
        return null;
    }

    @Override
    public <S> Void visit(AllTableColumns all, S context) {
        Table t = all.getTable();
        parts.add(scope.wholeRow(fold(t.getDatabaseName()), fold(t.getSchemaName()), fold(t.getName())));
        return null;
    }

    @Override
    public <S> Void visit(ParenthesedSelect select, S context) {
        parts.add(analyzer.scalar(select, ctes, scope));
        return null;
    }

    @Override
    public <S> Void visit(Select select, S context) {
        parts.add(analyzer.scalar(select, ctes, scope));
        return null;
    }

    @Override
    public <S> Void visit(ExistsExpression exists, S context) {
        return null;
    }

    @Override
    public <S> Void visit(AnyComparisonExpression any, S context) {
        add(any.getSelect());
        return null;
    }

    @Override
    public <S> Void visit(Function function, S context) {
        if (function.getParameters() != null) {
            function.getParameters().forEach(this::add);
        }
        if (function.getNamedParameters() != null) {
            function.getNamedParameters().forEach(this::add);
        }
        return null;
    }

    @Override
    public <S> Void visit(AnalyticExpression analytic, S context) {
        add(analytic.getExpression());
        add(analytic.getOffset());
        add(analytic.getDefaultValue());
        AnalyticType type = analytic.getType();
        if ((type == AnalyticType.WITHIN_GROUP || type == AnalyticType.WITHIN_GROUP_OVER)
                && analytic.getOrderByElements() != null) {
            // an ordered-set aggregate aggregates its WITHIN GROUP (ORDER BY ...) expressions
            for (OrderByElement o : analytic.getOrderByElements()) {
                add(o.getExpression());
            }
        }
        return null;
    }

    @Override
    public <S> Void visit(JsonAggregateFunction json, S context) {
        add(json.getExpression());
        if (json.getKey() instanceof Expression key) {
            add(key);
        }
        if (json.getValue() instanceof Expression value) {
            add(value);
        }
        return null;
    }

    @Override
    public <S> Void visit(JsonFunction json, S context) {
        for (JsonFunctionExpression e : json.getExpressions()) {
            add(e.getExpression());
        }
        for (JsonKeyValuePair pair : json.getKeyValuePairs()) {
            if (pair.getKey() instanceof Expression key) {
                add(key);
            }
            if (pair.getValue() instanceof Expression value) {
                add(value);
            }
        }
        return null;
    }

    @Override
    public <S> Void visit(RowGetExpression row, S context) {
        Trace field = field(row, scope);
        if (field == null) {
            return super.visit(row, context);
        }
        parts.add(field);
        return null;
    }

    /** {@code (t).x}, which reads column x of FROM item t unless t is a column; null for other field selections. */
    private static Trace field(RowGetExpression row, Scope scope) {
        if (unwrap(row.getExpression()) instanceof Column c && c.getArrayConstructor() == null && !isValueFunction(c)
                && (c.getTable() == null || c.getTable().getName() == null)) {
            return scope.field(fold(c.getColumnName()), fold(row.getColumnName()));
        }
        return null;
    }

    @Override
    public <S> Void visit(TrimFunction trim, S context) {
        add(trim.getExpression());
        add(trim.getFromExpression());
        return null;
    }

    @Override
    public <S> Void visit(JsonExpression json, S context) {
        add(json.getExpression());
        json.getIdentList().forEach(ident -> add(ident.getKey()));
        return null;
    }

    @Override
    public <S> Void visit(TimezoneExpression timezone, S context) {
        add(timezone.getLeftExpression());
        timezone.getTimezoneExpressions().forEach(this::add);
        return null;
    }

    @Override
    public <S> Void visit(FromQuery query, S context) {
        parts.add(Trace.problem("a piped FROM query is not analysed"));
        return null;
    }

    @Override
    protected <S> Void visitExpression(Expression expression, S context) {
        if (!CONSTANTS.contains(expression.getClass())) {
            parts.add(Trace.problem("cannot analyse the expression " + expression));
        }
        return null;
    }
}
