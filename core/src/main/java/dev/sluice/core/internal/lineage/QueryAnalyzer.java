package dev.sluice.core.internal.lineage;

import static dev.sluice.core.internal.lineage.Identifiers.fold;

import dev.sluice.core.internal.lineage.Derived.Col;
import dev.sluice.core.internal.lineage.Rel.Joined;
import dev.sluice.core.internal.lineage.Rel.JoinKind;
import dev.sluice.core.internal.lineage.Rel.Leaf;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.sf.jsqlparser.expression.Alias;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.ParenthesedExpressionList;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllColumns;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.ExceptOp;
import net.sf.jsqlparser.statement.select.FromItem;
import net.sf.jsqlparser.statement.select.IntersectOp;
import net.sf.jsqlparser.statement.select.Join;
import net.sf.jsqlparser.statement.select.LateralSubSelect;
import net.sf.jsqlparser.statement.select.MinusOp;
import net.sf.jsqlparser.statement.select.ParenthesedFromItem;
import net.sf.jsqlparser.statement.select.ParenthesedSelect;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SelectItem;
import net.sf.jsqlparser.statement.select.SetOperation;
import net.sf.jsqlparser.statement.select.SetOperationList;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.TableStatement;
import net.sf.jsqlparser.statement.select.Values;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Derives the columns of queries: WITH clauses, FROM items and joins, select lists with {@code *}
 * expanded, set operations and VALUES. One instance analyses one statement, on one thread; it
 * asks the catalog about each relation once.
 */
final class QueryAnalyzer {
    private final RelationColumns catalog;
    private final Map<RelationName, Optional<List<String>>> relations = new HashMap<>();
    private final Map<Select, Derived> subqueries = new IdentityHashMap<>();

    QueryAnalyzer(RelationColumns catalog) {
        this.catalog = catalog;
    }

    /** The columns of {@code select}; {@code outer} is the query level a correlated subquery sits in, else null. */
    Derived query(Select select, Ctes ctes, Scope outer) {
        Ctes visible = with(select.getWithItemsList(), ctes, outer);
        if (select instanceof PlainSelect p) {
            return plain(p, visible, outer);
        }
        if (select instanceof SetOperationList s) {
            return setOperation(s, visible, outer);
        }
        if (select instanceof LateralSubSelect) {
            return Derived.unknown("LATERAL subqueries are not analysed");
        }
        if (select instanceof ParenthesedSelect p) {
            return query(p.getSelect(), visible, outer);
        }
        if (select instanceof Values v) {
            return values(v, visible, outer);
        }
        if (select instanceof TableStatement t) {
            return Scope.star(table(t.getTable(), null, List.of(), visible));
        }
        return Derived.unknown("a " + select.getClass().getSimpleName() + " query is not analysed");
    }

    /** The value of a subquery used as an expression: its one column, or all of them for a row. */
    Trace scalar(Select select, Ctes ctes, Scope scope) {
        Derived d = query(select, ctes, scope);
        subqueries.put(select, d);
        if (!d.known()) {
            return Trace.problem(d.unknown());
        }
        return d.columns().size() == 1 ? d.columns().get(0).trace() : Trace.computed(traces(d));
    }

    private String subqueryName(Select select) {
        Derived d = subqueries.get(select);
        return d == null || d.columns().isEmpty() ? null : d.columns().get(0).name();
    }

    private Ctes with(List<WithItem<?>> items, Ctes ctes, Scope outer) {
        if (items == null || items.isEmpty()) {
            return ctes;
        }
        Ctes visible = new Ctes(ctes);
        if (items.stream().anyMatch(WithItem::isRecursive)) {
            // WITH RECURSIVE lets a CTE refer to itself or to a later one: such references stay untraced
            for (WithItem<?> w : items) {
                String name = fold(w.getAliasName());
                visible.put(name, Derived.unknown("lineage through the recursive CTE " + Identifiers.display(name)
                        + " is not analysed"));
            }
        }
        for (WithItem<?> w : items) {
            String name = fold(w.getAliasName());
            Derived d = w.getSelect() == null
                    ? Derived.unknown("the CTE " + Identifiers.display(name) + " modifies data")
                    : query(w.getSelect(), visible, outer);
            List<String> names = new ArrayList<>();
            if (w.getWithItemList() != null) {
                for (SelectItem<?> item : w.getWithItemList()) {
                    names.add(item.getExpression() instanceof Column c ? fold(c.getColumnName()) : fold(item.toString()));
                }
            }
            visible.put(name, d.renamed(names));
        }
        return visible;
    }

    private Derived plain(PlainSelect select, Ctes ctes, Scope outer) {
        Scope scope = new Scope(outer, from(select.getFromItem(), select.getJoins(), ctes, outer));
        List<Col> out = new ArrayList<>();
        for (SelectItem<?> item : select.getSelectItems()) {
            Expression e = item.getExpression();
            Derived all = null;
            String star = null;
            if (e instanceof AllTableColumns a) {
                Table t = a.getTable();
                all = scope.star(fold(t.getDatabaseName()), fold(t.getSchemaName()), fold(t.getName()));
                star = Identifiers.display(fold(t.getName())) + ".*";
            } else if (e instanceof AllColumns a) {
                boolean plainStar = (a.getExceptColumns() == null || a.getExceptColumns().isEmpty())
                        && (a.getReplaceExpressions() == null || a.getReplaceExpressions().isEmpty());
                all = plainStar ? scope.star() : Derived.unknown("PostgreSQL has no SELECT * EXCEPT or REPLACE");
                star = "*";
            }
            if (all != null) {
                out.addAll(all.columns());
                if (!all.known()) {
                    return new Derived(out, star + " cannot be expanded: " + all.unknown());
                }
                continue;
            }
            Trace trace = ExpressionTracer.trace(e, this, scope, ctes);
            Alias alias = item.getAlias();
            String name = alias != null ? fold(alias.getName()) : ColumnNames.of(e, this::subqueryName);
            out.add(new Col(name, trace));
        }
        return new Derived(out, null);
    }

    /** The FROM clause: comma-separated items, each a chain of joins (JSqlParser lists them flat). */
    private List<Rel> from(FromItem first, List<Join> joins, Ctes ctes, Scope outer) {
        List<Rel> rels = new ArrayList<>();
        if (first == null) {
            return rels;
        }
        Rel current = rel(first, ctes, outer);
        if (joins != null) {
            for (Join j : joins) {
                Rel right = rel(j.getRightItem(), ctes, outer);
                if (j.isSimple()) {
                    rels.add(current);
                    current = right;
                } else {
                    current = join(current, right, j);
                }
            }
        }
        rels.add(current);
        return rels;
    }

    private static Rel join(Rel left, Rel right, Join j) {
        JoinKind kind = j.isFull() ? JoinKind.FULL : j.isRight() ? JoinKind.RIGHT : j.isLeft() ? JoinKind.LEFT
                : JoinKind.INNER;
        List<String> using = new ArrayList<>();
        if (j.getUsingColumns() != null) {
            j.getUsingColumns().forEach(c -> using.add(fold(c.getColumnName())));
        }
        if (j.isNatural()) {
            Derived l = Scope.star(left);
            Derived r = Scope.star(right);
            if (!l.known() || !r.known()) {
                return new Joined(left, right, kind, List.of(), "the common columns of a NATURAL JOIN are unknown: "
                        + (l.known() ? r.unknown() : l.unknown()));
            }
            Set<String> common = new LinkedHashSet<>();
            l.columns().forEach(c -> common.add(c.name()));
            common.retainAll(r.columns().stream().map(Col::name).toList());
            using.addAll(common);
        }
        return new Joined(left, right, kind, using, null);
    }

    private Rel rel(FromItem item, Ctes ctes, Scope outer) {
        Alias alias = item.getAlias();
        String name = alias == null ? null : fold(alias.getName());
        List<String> columns = new ArrayList<>();
        if (alias != null && alias.getAliasColumns() != null) {
            alias.getAliasColumns().forEach(c -> columns.add(fold(c.name)));
        }
        if (item instanceof Table t) {
            return table(t, name, columns, ctes);
        }
        if (item instanceof LateralSubSelect) {
            return Leaf.opaque(name, "LATERAL subqueries are not analysed");
        }
        if (item instanceof TableFunction f) {
            List<String> parts = f.getFunction().getMultipartName();
            String function = fold(parts.get(parts.size() - 1));
            return Leaf.opaque(name != null ? name : function,
                    "the set-returning function " + Identifiers.display(function) + "() in FROM is not analysed");
        }
        if (item instanceof ParenthesedFromItem p) {
            List<Rel> inner = from(p.getFromItem(), p.getJoins(), ctes, outer);
            Rel r = inner.get(0);
            for (int i = 1; i < inner.size(); i++) {
                r = new Joined(r, inner.get(i), JoinKind.INNER, List.of(), null);
            }
            // an alias on a join hides the tables in it
            return name == null ? r : leaf(name, Scope.star(r).renamed(columns));
        }
        if (item instanceof Select s) {
            return leaf(name, query(s, ctes, outer).renamed(columns));
        }
        return Leaf.opaque(name, "the FROM item " + item + " is not analysed");
    }

    private static Leaf leaf(String name, Derived d) {
        return d.known() ? new Leaf(name, null, d.columns(), null) : Leaf.opaque(name, d.unknown());
    }

    private Rel table(Table t, String alias, List<String> aliasColumns, Ctes ctes) {
        String name = fold(t.getName());
        String schema = fold(t.getSchemaName());
        String ref = alias != null ? alias : name;
        if (schema == null) {
            Derived cte = Ctes.find(ctes, name);
            if (cte != null) {
                return leaf(ref, cte.renamed(aliasColumns));
            }
        }
        RelationName relation = new RelationName(fold(t.getDatabaseName()), schema, name);
        List<String> names = relations.computeIfAbsent(relation, r -> Optional.ofNullable(lookUp(r))).orElse(null);
        if (names == null) {
            String why = "the catalog does not know " + relation;
            // renamed columns of an unknown relation cannot be told apart
            return aliasColumns.isEmpty() ? new Leaf(ref, relation, null, why) : Leaf.opaque(ref, why);
        }
        List<Col> columns = new ArrayList<>(names.size());
        for (String column : names) {
            columns.add(new Col(column, Trace.direct(new SourceColumn(relation, column))));
        }
        Derived d = new Derived(columns, null).renamed(aliasColumns);
        return d.known() ? new Leaf(ref, relation, d.columns(), null) : Leaf.opaque(ref, d.unknown());
    }

    private List<String> lookUp(RelationName relation) {
        List<String> columns;
        try {
            columns = catalog.columnsOf(relation);
        } catch (RuntimeException e) {
            throw new CatalogFailure(e);
        }
        return columns == null ? null : List.copyOf(columns);
    }

    /** The catalog's own failure, passed on to the caller as it is, unlike a failure of the analysis. */
    static final class CatalogFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CatalogFailure(RuntimeException cause) {
            super(cause);
        }

        RuntimeException failure() {
            return (RuntimeException) getCause();
        }
    }

    private Derived values(Values values, Ctes ctes, Scope outer) {
        ExpressionList<?> expressions = values.getExpressions();
        List<List<Expression>> rows = new ArrayList<>();
        if (expressions instanceof ParenthesedExpressionList<?> one) {
            // JSqlParser reads VALUES (a, b) as one parenthesised list: one row of two columns
            rows.add(new ArrayList<>(one));
        } else {
            for (Expression row : expressions) {
                rows.add(row instanceof ParenthesedExpressionList<?> p ? new ArrayList<>(p) : List.of(row));
            }
        }
        int width = rows.get(0).size();
        if (rows.stream().anyMatch(r -> r.size() != width)) {
            return Derived.unknown("VALUES lists must all be the same length");
        }
        Scope scope = new Scope(outer, List.of());
        List<Col> out = new ArrayList<>();
        for (int i = 0; i < width; i++) {
            Trace trace = null;
            for (List<Expression> row : rows) {
                Trace t = ExpressionTracer.trace(row.get(i), this, scope, ctes);
                trace = trace == null ? t : trace.or(t);
            }
            out.add(new Col("column" + (i + 1), trace));
        }
        return new Derived(out, null);
    }

    /** UNION and INTERSECT take values from both sides, EXCEPT from its left only; INTERSECT binds tighter. */
    private Derived setOperation(SetOperationList list, Ctes ctes, Scope outer) {
        List<Select> selects = list.getSelects();
        Derived first = query(selects.get(0), ctes, outer);
        if (!first.known()) {
            return first;
        }
        int width = first.columns().size();
        List<List<Trace>> terms = new ArrayList<>();
        List<SetOperation> operations = new ArrayList<>();
        List<Trace> current = traces(first);
        for (int i = 1; i < selects.size(); i++) {
            Derived d = query(selects.get(i), ctes, outer);
            if (d.known() && d.columns().size() != width) {
                return Derived.unknown("the queries of a set operation return " + width + " and "
                        + d.columns().size() + " columns");
            }
            List<Trace> next = d.known() ? traces(d) : Collections.nCopies(width, Trace.problem(d.unknown()));
            SetOperation op = list.getOperations().get(i - 1);
            if (op instanceof IntersectOp) {
                current = or(current, next);
            } else {
                terms.add(current);
                operations.add(op);
                current = next;
            }
        }
        terms.add(current);
        List<Trace> out = terms.get(0);
        for (int i = 0; i < operations.size(); i++) {
            if (!(operations.get(i) instanceof ExceptOp || operations.get(i) instanceof MinusOp)) {
                out = or(out, terms.get(i + 1));
            }
        }
        List<Col> columns = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            columns.add(new Col(first.columns().get(i).name(), out.get(i)));
        }
        return new Derived(columns, null);
    }

    private static List<Trace> or(List<Trace> a, List<Trace> b) {
        List<Trace> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            out.add(a.get(i).or(b.get(i)));
        }
        return out;
    }

    private static List<Trace> traces(Derived d) {
        return d.columns().stream().map(Col::trace).toList();
    }
}
