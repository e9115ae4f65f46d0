package dev.sluice.cli;

import dev.sluice.core.TestingDatabase;
import dev.sluice.core.spi.Adapter;
import java.util.ArrayList;
import java.util.List;

/**
 * What a schema (and the schemas dbt's naming derives from it, {@code schema_*}) holds: each
 * schema, each relation with its OID and kind, and each relation's row count and an md5 of its
 * rows. Two equal snapshots mean nothing was created, dropped, replaced or written.
 */
record TestingSchemaSnapshot(List<String> lines) {
    TestingSchemaSnapshot {
        lines = List.copyOf(lines);
    }

    static TestingSchemaSnapshot of(String schema) {
        Adapter adapter = TestingDatabase.adapter();
        return new TestingSchemaSnapshot(adapter.withConnection(c -> {
            String like = "(n.nspname = '" + schema + "' or n.nspname like '" + schema.replace("_", "\\_") + "\\_%')";
            List<String> lines = new ArrayList<>();
            for (List<Object> row : c.query("select n.nspname from pg_namespace n where " + like + " order by 1").rows()) {
                lines.add("schema " + row.get(0));
            }
            List<List<Object>> relations = c.query("select n.nspname, c.relname, c.relkind::text, c.oid::bigint"
                    + " from pg_class c join pg_namespace n on n.oid = c.relnamespace where " + like
                    + " and c.relkind in ('r', 'v', 'm', 'p', 'S') order by 1, 2").rows();
            for (List<Object> row : relations) {
                String relation = adapter.dialect().quote((String) row.get(0)) + "." + adapter.dialect().quote((String) row.get(1));
                String rows = "";
                if (!"S".equals(row.get(2))) {
                    List<Object> content = c.query("select count(*), md5(coalesce(string_agg(t::text, E'\\n' order by t::text), ''))"
                            + " from " + relation + " t").rows().get(0);
                    rows = " rows=" + content.get(0) + " md5=" + content.get(1);
                }
                lines.add("relation " + relation + " kind=" + row.get(2) + " oid=" + row.get(3) + rows);
            }
            return lines;
        }));
    }
}
