package dev.sluice.core.internal.lineage;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.internal.lineage.Derived.Col;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParser;
import net.sf.jsqlparser.parser.CCJSqlParserConstants;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.parser.ParseException;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Column-level lineage of one compiled model: for each output column of a PostgreSQL SELECT
 * (CTEs, joins, subqueries, set operations, {@code *}), the physical columns it derives from.
 * Columns are traced through CTEs and subqueries to tables and views; the catalog supplies the
 * columns of those, for {@code *} and for unqualified names. Pure and thread-safe.
 *
 * <pre>{@code
 * LineageResult r = ColumnLineage.analyze(compiledSql, relation -> catalog.get(relation));
 * }</pre>
 */
public final class ColumnLineage {
    private ColumnLineage() {
    }

    /** Never throws for bad SQL: a query that cannot be analysed gives a result with a problem. */
    public static LineageResult analyze(String sql, RelationColumns catalog) {
        requireNonNull(sql, "sql is null");
        requireNonNull(catalog, "catalog is null");
        String text = SqlText.normalize(sql);
        if (text.isBlank()) {
            return LineageResult.failed("Cannot analyse the query: it is empty");
        }
        Statement statement;
        try {
            statement = parse(text);
        } catch (JSQLParserException e) {
            return LineageResult.failed("Cannot parse the query: " + message(e));
        } catch (StackOverflowError e) {
            return LineageResult.failed("Cannot parse the query: it is nested too deeply");
        }
        if (!(statement instanceof Select select)) {
            String kind = statement.getClass().getSimpleName();
            return LineageResult.failed("Cannot analyse the query: only a SELECT has column lineage, not "
                    + ("AEIOU".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind);
        }
        Derived derived;
        try {
            derived = new QueryAnalyzer(catalog).query(select, null, null);
        } catch (QueryAnalyzer.CatalogFailure e) {
            throw e.failure();
        } catch (StackOverflowError e) {
            return LineageResult.failed("Cannot analyse the query: it is nested too deeply");
        } catch (RuntimeException e) {
            // a syntax tree this analysis does not expect: one model's lineage is lost, not the whole docs run
            return LineageResult.failed("Cannot analyse the query: " + e);
        }
        List<OutputColumn> columns = new ArrayList<>(derived.columns().size());
        for (Col c : derived.columns()) {
            Trace t = c.trace();
            String problem = t.problems().isEmpty() ? null : String.join("; ", t.problems());
            columns.add(new OutputColumn(columns.size(), c.name(), t.kind(), t.sources(), problem));
        }
        return new LineageResult(columns, derived.known() ? null : "Cannot list every output column: " + derived.unknown());
    }

    /**
     * Parses one statement. JSqlParser's fast mode runs here, on the caller's thread; only when it
     * fails does its backtracking mode run, with the time limit CCJSqlParserUtil gives it (that
     * mode can backtrack for very long on odd input, so it runs on a thread of its own).
     */
    private static Statement parse(String sql) throws JSQLParserException {
        CCJSqlParser simple = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(false);
        Statement statement;
        try {
            statement = simple.Statement();
        } catch (ParseException | RuntimeException simpleFailure) {
            return parseComplex(sql, simpleFailure);
        }
        return single(simple, statement);
    }

    private static Statement parseComplex(String sql, Exception simpleFailure) throws JSQLParserException {
        if (CCJSqlParserUtil.getNestingDepth(sql) > CCJSqlParserUtil.ALLOWED_NESTING_DEPTH) {
            throw new JSQLParserException(simpleFailure);
        }
        CCJSqlParser complex = CCJSqlParserUtil.newParser(sql).withAllowComplexParsing(true);
        ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "sluice-lineage-parser");
            t.setDaemon(true);
            return t;
        });
        Statement statement;
        try {
            statement = CCJSqlParserUtil.parseStatement(complex, executor);
        } catch (JSQLParserException complexFailure) {
            throw new JSQLParserException(furthest(simpleFailure, rootCause(complexFailure)));
        } finally {
            executor.shutdownNow();
        }
        return single(complex, statement);
    }

    /** The failure that got further into the text: the one that points at the real error. */
    private static Throwable furthest(Throwable simple, Throwable complex) {
        long a = position(simple);
        long b = position(complex);
        return b > a ? complex : simple;
    }

    private static long position(Throwable t) {
        if (t instanceof ParseException p && p.currentToken != null && p.currentToken.next != null) {
            return (long) p.currentToken.next.beginLine << 32 | p.currentToken.next.beginColumn;
        }
        return -1;
    }

    private static Throwable rootCause(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        return c;
    }

    private static Statement single(CCJSqlParser parser, Statement statement) throws JSQLParserException {
        var next = parser.getToken(1);
        if (next.kind != CCJSqlParserConstants.EOF) {
            throw new JSQLParserException("there is more after the first statement, at line " + next.beginLine
                    + ", column " + next.beginColumn);
        }
        return statement;
    }

    /** The first sentence of JSqlParser's message, without its long list of expected tokens. */
    private static String message(JSQLParserException e) {
        Throwable t = rootCause(e);
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        int expecting = m.indexOf("Was expecting");
        if (expecting >= 0) {
            m = m.substring(0, expecting);
        }
        return m.replaceAll("\\s+", " ").strip();
    }
}
