package dev.sluice.core.internal.execute;

import dev.sluice.core.api.DatabaseException;
import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.Contract;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.spi.AdapterConnection;
import dev.sluice.core.spi.Dialect;
import dev.sluice.core.spi.QueryResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The check a model with an enforced contract passes before anything is built, as dbt's
 * preflight: the columns its SQL returns (names, in any order, and types) against those its
 * property file declares. Both sides are described by the database itself, the SQL through an
 * empty query and the declared types through {@code cast(null as <type>)}, so {@code int} and
 * {@code integer} are one type; types are then compared by {@link Dialect#typeFamily kind}, not
 * size, precision or scale.
 */
public final class ContractCheck {
    private ContractCheck() {
    }

    /** A mismatch between the model's SQL and its contract: the types are null where a side lacks the column. */
    public record Mismatch(String column, String sqlType, String contractType, String reason) {
    }

    /** The columns a contract declares, in its order, with the types to build them with. */
    public record Declared(ColumnDef column, String type) {
    }

    /**
     * The declared columns of {@code n}, their types aliased when {@code alias_types} is on; fails
     * when a column has no {@code data_type}.
     */
    public static List<Declared> declared(Node n, Dialect d) {
        Contract contract = Contract.of(n.config());
        List<String> untyped = new ArrayList<>();
        List<Declared> out = new ArrayList<>();
        for (ColumnDef c : n.columns().values()) {
            if (c.dataType() == null || c.dataType().isBlank()) {
                untyped.add(c.name());
            } else {
                out.add(new Declared(c, contract.aliasTypes() ? d.contractType(c.dataType()) : c.dataType().strip()));
            }
        }
        if (!untyped.isEmpty()) {
            throw SluiceException.user("contract.data_type", propertyFile(n), "Cannot check the contract of model "
                    + n.name() + ": column" + (untyped.size() == 1 ? " " : "s ") + String.join(", ", untyped)
                    + (untyped.size() == 1 ? " has" : " have") + " no data_type; an enforced contract declares the"
                    + " name and data_type of every column");
        }
        return out;
    }

    /** Fails with the list of mismatches when {@code sql}'s columns are not those {@code n}'s contract declares. */
    public static void verify(AdapterConnection c, Dialect d, Node n, String sql) {
        List<Declared> declared = declared(n, d);
        String empty = d.emptyQuery(sql);
        QueryResult actual;
        try {
            actual = c.query(empty);
        } catch (DatabaseException e) {
            throw new FailedStatement(e, empty);
        }
        QueryResult expected = describe(c, d, n, declared);
        List<Mismatch> mismatches = compare(d, actual, expected);
        if (!mismatches.isEmpty()) {
            throw SluiceException.user("contract.mismatch", Location.of(n.originalFilePath()), "Cannot build model "
                    + n.name() + ": the columns of its SQL do not match its enforced contract in "
                    + propertyFile(n).file() + "\n" + table(mismatches)
                    + "Make the SQL return every declared column with its data_type, or change the contract.");
        }
    }

    /** The declared columns as the database describes {@code select cast(null as <type>) as <name>, ...}. */
    private static QueryResult describe(AdapterConnection c, Dialect d, Node n, List<Declared> declared) {
        try {
            return c.query(select(d, declared));
        } catch (DatabaseException e) {
            // find the column whose type the database does not know, to name it
            for (Declared col : declared) {
                try {
                    c.query(select(d, List.of(col)));
                } catch (DatabaseException one) {
                    throw SluiceException.user("contract.data_type", propertyFile(n), "Cannot check the contract of"
                            + " model " + n.name() + ": data_type '" + col.column().dataType() + "' of column "
                            + col.column().name() + " is not a type the database accepts (SQLSTATE " + one.sqlState()
                            + ": " + one.reason() + ")", one);
                }
            }
            throw e;
        }
    }

    private static String select(Dialect d, List<Declared> columns) {
        return columns.stream().map(col -> "cast(null as " + col.type() + ") as " + name(d, col.column()))
                .collect(Collectors.joining(", ", "select ", ""));
    }

    /** A declared column's name in SQL: quoted when its {@code quote} is true, else as written (as dbt does). */
    static String name(Dialect d, ColumnDef c) {
        return Boolean.TRUE.equals(c.quote()) ? d.quote(c.name()) : c.name();
    }

    /** The mismatches between the SQL's columns and the declared ones, by column name. */
    static List<Mismatch> compare(Dialect d, QueryResult actual, QueryResult expected) {
        Map<String, String> sql = columns(actual);
        Map<String, String> yaml = columns(expected);
        List<Mismatch> out = new ArrayList<>();
        sql.forEach((name, type) -> {
            String declared = yaml.get(name);
            if (declared == null) {
                out.add(new Mismatch(name, d.typeDisplayName(type), null, "missing in YAML"));
            } else if (!d.typeFamily(type).equals(d.typeFamily(declared))) {
                out.add(new Mismatch(name, d.typeDisplayName(type), d.typeDisplayName(declared), "data type mismatch"));
            }
        });
        yaml.forEach((name, type) -> {
            if (!sql.containsKey(name)) {
                out.add(new Mismatch(name, null, d.typeDisplayName(type), "missing in SQL"));
            }
        });
        out.sort(Comparator.comparing(Mismatch::column));
        return out;
    }

    private static Map<String, String> columns(QueryResult r) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < r.columns().size(); i++) {
            out.putIfAbsent(r.columns().get(i), r.columnTypes().get(i));
        }
        return out;
    }

    /** The mismatches as an aligned table, one line each. */
    static String table(List<Mismatch> mismatches) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"column", "type in SQL", "type in contract", "mismatch"});
        for (Mismatch m : mismatches) {
            rows.add(new String[] {m.column(), m.sqlType() == null ? "" : m.sqlType(),
                    m.contractType() == null ? "" : m.contractType(), m.reason()});
        }
        int[] widths = new int[4];
        for (String[] r : rows) {
            for (int i = 0; i < 4; i++) {
                widths[i] = Math.max(widths[i], r[i].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < rows.size(); j++) {
            appendRow(sb, rows.get(j), widths);
            if (j == 0) {
                String[] rule = new String[4];
                for (int i = 0; i < 4; i++) {
                    rule[i] = "-".repeat(widths[i]);
                }
                appendRow(sb, rule, widths);
            }
        }
        return sb.toString();
    }

    private static void appendRow(StringBuilder sb, String[] cells, int[] widths) {
        sb.append("  |");
        for (int i = 0; i < cells.length; i++) {
            sb.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
        }
        sb.append('\n');
    }

    /** The property file holding the contract ({@code models/schema.yml}), or the model's file when none. */
    public static Location propertyFile(Node n) {
        String p = n.patchPath();
        return Location.of(p == null ? n.originalFilePath() : p.substring(p.indexOf("://") + 3));
    }
}
