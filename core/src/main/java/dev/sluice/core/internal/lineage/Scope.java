package dev.sluice.core.internal.lineage;

import dev.sluice.core.internal.lineage.Derived.Col;
import dev.sluice.core.internal.lineage.Rel.Joined;
import dev.sluice.core.internal.lineage.Rel.Leaf;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The FROM items of one query level, and the enclosing levels that a correlated subquery sees:
 * resolves column references as PostgreSQL does. The SQL is taken to be valid (it was compiled
 * for a database that ran it), so a name found in exactly one known FROM item is that item's even
 * when another item's columns are unknown: PostgreSQL would have rejected it as ambiguous.
 */
final class Scope {
    private final Scope outer;
    private final List<Rel> rels;

    Scope(Scope outer, List<Rel> rels) {
        this.outer = outer;
        this.rels = List.copyOf(rels);
    }

    /** A candidate for an unqualified name: the column, and the FROM item it is in. */
    private record Match(String label, Trace trace) {
    }

    /** A FROM item whose columns are unknown, so it might hold any name; {@code table} if it is a physical one. */
    private record Blind(RelationName table, String why) {
    }

    /** The column {@code name}, qualified by {@code table} (and {@code schema}, {@code database}) when they are not null. */
    Trace column(String database, String schema, String table, String name) {
        if (table == null) {
            return unqualified(name);
        }
        for (Scope s = this; s != null; s = s.outer) {
            List<Leaf> found = s.leaves(database, schema, table);
            if (found.size() == 1) {
                return columnOf(found.get(0), name);
            }
            if (found.size() > 1) {
                return Trace.problem("table reference '" + Identifiers.display(table) + "' is ambiguous");
            }
        }
        return Trace.problem("column " + Identifiers.display(table) + "." + Identifiers.display(name)
                + " refers to no FROM item");
    }

    /** All columns of the FROM item named {@code table}, for {@code t.*}; unknown when they are. */
    Derived star(String database, String schema, String table) {
        for (Scope s = this; s != null; s = s.outer) {
            List<Leaf> found = s.leaves(database, schema, table);
            if (found.size() == 1) {
                return star(found.get(0));
            }
            if (found.size() > 1) {
                return Derived.unknown("table reference '" + Identifiers.display(table) + "' is ambiguous");
            }
        }
        return Derived.unknown(Identifiers.display(table) + ".* refers to no FROM item");
    }

    /** All columns of all FROM items of this level, for {@code *}. */
    Derived star() {
        if (rels.isEmpty()) {
            return Derived.unknown("SELECT * has no FROM clause");
        }
        List<Col> out = new ArrayList<>();
        for (Rel r : rels) {
            Derived d = star(r);
            out.addAll(d.columns());
            if (!d.known()) {
                return new Derived(out, d.unknown());
            }
        }
        return new Derived(out, null);
    }

    /** The columns {@code r} yields to {@code *}: merged USING columns first, as PostgreSQL orders them. */
    static Derived star(Rel r) {
        if (r instanceof Leaf leaf) {
            return leaf.columns() == null ? Derived.unknown(leaf.unknown()) : new Derived(leaf.columns(), null);
        }
        Joined j = (Joined) r;
        if (j.unknown() != null) {
            return Derived.unknown(j.unknown());
        }
        Derived left = star(j.left());
        if (!left.known()) {
            return left;
        }
        Derived right = star(j.right());
        if (!right.known()) {
            return right;
        }
        List<Col> out = new ArrayList<>();
        for (String u : j.using()) {
            out.add(new Col(u, merged(j, u)));
        }
        for (Col c : left.columns()) {
            if (!j.using().contains(c.name())) {
                out.add(c);
            }
        }
        for (Col c : right.columns()) {
            if (!j.using().contains(c.name())) {
                out.add(c);
            }
        }
        return new Derived(out, null);
    }

    private Trace unqualified(String name) {
        Trace column = columnNamed(name);
        if (column != null) {
            return column;
        }
        // a bare FROM item name that is no column is the whole row, as in row_to_json(t)
        for (Scope s = this; s != null; s = s.outer) {
            List<Leaf> found = s.leaves(null, null, name);
            if (found.size() == 1) {
                return wholeRow(found.get(0));
            }
        }
        return Trace.problem("column '" + Identifiers.display(name) + "' is in no FROM item");
    }

    /** {@code (name).field}: a field of a composite column, or a column of the FROM item {@code name}. */
    Trace field(String name, String field) {
        Trace column = columnNamed(name);
        return column != null ? Trace.computed(List.of(column)) : column(null, null, name, field);
    }

    /** The column {@code name} as an unqualified reference finds it, innermost level first; null if none has it. */
    private Trace columnNamed(String name) {
        for (Scope s = this; s != null; s = s.outer) {
            List<Match> found = new ArrayList<>();
            List<Blind> blind = new ArrayList<>();
            s.collect(name, found, blind);
            if (found.size() == 1) {
                return found.get(0).trace();
            }
            if (found.size() > 1) {
                return Trace.problem("column '" + Identifiers.display(name) + "' is ambiguous between "
                        + labels(found.stream().map(Match::label).toList()));
            }
            if (!blind.isEmpty()) {
                Blind only = blind.get(0);
                if (blind.size() == 1 && only.table() != null && !s.outerMightHave(name) && !namesAnyItem(name)) {
                    return Trace.direct(new SourceColumn(only.table(), name));
                }
                return Trace.problem("cannot tell where column '" + Identifiers.display(name) + "' comes from: "
                        + String.join("; ", blind.stream().map(Blind::why).distinct().toList()));
            }
        }
        return null;
    }

    /** The whole row of the FROM item named {@code table}, as in {@code row_to_json(t.*)}. */
    Trace wholeRow(String database, String schema, String table) {
        Derived d = star(database, schema, table);
        return d.known() ? wholeRow(d) : Trace.problem(d.unknown());
    }

    private static Trace wholeRow(Leaf leaf) {
        Derived d = star(leaf);
        return d.known() ? wholeRow(d) : Trace.problem(d.unknown());
    }

    private static Trace wholeRow(Derived d) {
        return Trace.computed(d.columns().stream().map(Col::trace).toList());
    }

    /** The columns called {@code name} that the FROM items of this level offer to an unqualified reference. */
    private void collect(String name, List<Match> found, List<Blind> blind) {
        for (Rel r : rels) {
            collect(r, name, found, blind);
        }
    }

    private static void collect(Rel r, String name, List<Match> found, List<Blind> blind) {
        if (r instanceof Leaf leaf) {
            if (leaf.columns() == null) {
                blind.add(new Blind(leaf.table(), leaf.unknown()));
                return;
            }
            for (Col c : leaf.columns()) {
                if (c.name().equals(name)) {
                    found.add(new Match(leaf.label(), c.trace()));
                }
            }
            return;
        }
        Joined j = (Joined) r;
        if (j.unknown() != null) {
            blind.add(new Blind(null, j.unknown()));
        } else if (j.using().contains(name)) {
            found.add(new Match("a JOIN USING", merged(j, name)));
        } else {
            collect(j.left(), name, found, blind);
            collect(j.right(), name, found, blind);
        }
    }

    /** The column a JOIN USING yields for {@code name}: the left one, the right one for a RIGHT join, either for a FULL one. */
    private static Trace merged(Joined j, String name) {
        Trace left = certain(j.left(), name);
        Trace right = certain(j.right(), name);
        return switch (j.kind()) {
            case INNER, LEFT -> left;
            case RIGHT -> right;
            case FULL -> Trace.computed(List.of(left, right));
        };
    }

    /** {@code name} in {@code r}, where it must exist (a USING column). */
    private static Trace certain(Rel r, String name) {
        List<Match> found = new ArrayList<>();
        List<Blind> blind = new ArrayList<>();
        collect(r, name, found, blind);
        if (found.size() == 1) {
            return found.get(0).trace();
        }
        if (found.isEmpty() && blind.size() == 1 && blind.get(0).table() != null) {
            return Trace.direct(new SourceColumn(blind.get(0).table(), name));
        }
        if (found.isEmpty() && blind.size() == 1) {
            return Trace.problem(blind.get(0).why());
        }
        return Trace.problem("common column name '" + Identifiers.display(name) + "' is ambiguous in a JOIN USING");
    }

    private static Trace columnOf(Leaf leaf, String name) {
        if (leaf.columns() == null) {
            return leaf.table() != null ? Trace.direct(new SourceColumn(leaf.table(), name)) : Trace.problem(leaf.unknown());
        }
        Trace found = null;
        for (Col c : leaf.columns()) {
            if (c.name().equals(name)) {
                if (found != null) {
                    return Trace.problem("column " + leaf.label() + "." + Identifiers.display(name) + " is ambiguous");
                }
                found = c.trace();
            }
        }
        return found != null ? found : Trace.problem("column " + Identifiers.display(name) + " is not a column of "
                + (leaf.table() != null ? leaf.table().toString() : leaf.label()));
    }

    /** The FROM items of this level (inside unaliased joins too) that {@code table} names. */
    private List<Leaf> leaves(String database, String schema, String table) {
        List<Leaf> out = new ArrayList<>();
        for (Rel r : rels) {
            leaves(r, database, schema, table, out);
        }
        return out;
    }

    private static void leaves(Rel r, String database, String schema, String table, List<Leaf> out) {
        if (r instanceof Joined j) {
            leaves(j.left(), database, schema, table, out);
            leaves(j.right(), database, schema, table, out);
            return;
        }
        Leaf leaf = (Leaf) r;
        if (!table.equals(leaf.refName())) {
            return;
        }
        if (schema != null && (leaf.table() == null || !schema.equals(leaf.table().schema())
                || database != null && !database.equals(leaf.table().database()))) {
            return;
        }
        out.add(leaf);
    }

    /** Whether an enclosing level has a column {@code name}, or a FROM item whose columns are unknown. */
    private boolean outerMightHave(String name) {
        for (Scope s = outer; s != null; s = s.outer) {
            List<Match> found = new ArrayList<>();
            List<Blind> blind = new ArrayList<>();
            s.collect(name, found, blind);
            if (!found.isEmpty() || !blind.isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private boolean namesAnyItem(String name) {
        for (Scope s = this; s != null; s = s.outer) {
            if (!s.leaves(null, null, name).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private static String labels(List<String> labels) {
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(labels));
        if (distinct.size() == 1) {
            return "two columns of " + distinct.get(0);
        }
        return String.join(", ", distinct.subList(0, distinct.size() - 1)) + " and " + distinct.get(distinct.size() - 1);
    }
}
