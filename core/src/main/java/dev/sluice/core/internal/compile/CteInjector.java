package dev.sluice.core.internal.compile;

import java.util.List;

/**
 * Puts ephemeral models' CTEs in front of a query as dbt does: after the query's own leading
 * {@code WITH} when it has one ({@code with __dbt__cte__a as (...), own as (...)}), else as a new
 * {@code with __dbt__cte__a as (...) select ...} clause.
 */
final class CteInjector {
    private CteInjector() {
    }

    /** @param ctes rendered {@code __dbt__cte__x as (\n...\n)} items in dependency order */
    static String inject(String sql, List<String> ctes) {
        if (ctes.isEmpty()) {
            return sql;
        }
        String joined = String.join(", ", ctes);
        int start = firstKeyword(sql);
        if (start >= 0 && sql.regionMatches(true, start, "with", 0, 4)
                && (start + 4 == sql.length() || !Character.isLetterOrDigit(sql.charAt(start + 4)))) {
            int after = start + 4;
            String rest = sql.substring(after);
            boolean recursive = rest.stripLeading().regionMatches(true, 0, "recursive", 0, 9);
            if (recursive) {
                int r = after + (rest.length() - rest.stripLeading().length()) + 9;
                return sql.substring(0, r) + " " + joined + "," + sql.substring(r);
            }
            return sql.substring(0, after) + " " + joined + "," + sql.substring(after);
        }
        // as dbt (sqlparse's first token): after leading whitespace, but before a leading comment
        int at = 0;
        while (at < sql.length() && Character.isWhitespace(sql.charAt(at))) {
            at++;
        }
        return sql.substring(0, at) + "with " + joined + " " + sql.substring(at);
    }

    /** The offset of the first token that is not whitespace or a comment, or -1. */
    static int firstKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? n : nl + 1;
            } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                return i;
            }
        }
        return -1;
    }
}
