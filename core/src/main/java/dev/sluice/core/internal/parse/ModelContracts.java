package dev.sluice.core.internal.parse;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceEvent;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.api.SluiceListener;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.Constraint;
import dev.sluice.core.internal.model.Contract;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.RefCall;
import dev.sluice.core.internal.model.SourceCall;
import dev.sluice.core.internal.model.SourceDef;
import dev.sluice.core.internal.project.PropertyFiles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What parsing checks and records about a model's contract and constraints, as dbt does when it
 * reads property files: model-level constraints, Jinja in their expressions, the refs and sources a
 * foreign key's {@code to} names (so the referenced model builds first), primary keys declared
 * once, and the materializations and configs an enforced contract needs.
 */
final class ModelContracts {
    private ModelContracts() {
    }

    /**
     * {@code n} with its model-level constraints, constraint expressions rendered by {@code render},
     * and the refs and sources of its foreign keys; checks an enforced contract's prerequisites
     * when {@code enabled}.
     */
    static Node prepare(Node n, PropertyFiles.Patch patch, UnaryOperator<String> render, boolean enabled,
            SluiceListener listener) {
        List<Constraint> modelLevel = patch == null ? List.of() : patch.constraints();
        List<Constraint> rendered = modelLevel.stream().map(c -> rendered(c, render)).toList();
        Map<String, ColumnDef> columns = new LinkedHashMap<>();
        n.columns().forEach((k, c) -> columns.put(k, c.constraints().isEmpty() ? c
                : c.withConstraints(c.constraints().stream().map(x -> rendered(x, render)).toList())));
        List<RefCall> refs = new ArrayList<>(n.refs());
        List<SourceCall> sources = new ArrayList<>(n.sources());
        for (Constraint c : all(rendered, columns)) {
            if (c.type() == Constraint.Type.FOREIGN_KEY && c.to() != null) {
                Object target = target(n, c);
                if (target instanceof RefCall r) {
                    refs.add(r);
                } else {
                    sources.add((SourceCall) target);
                }
            }
        }
        Node out = new Node(n.uniqueId(), n.resourceType(), n.packageName(), n.name(), n.path(), n.originalFilePath(),
                n.rawCode(), n.language(), n.fqn(), n.checksum(), n.config(), n.configCallDict(), n.description(),
                columns, n.meta(), n.tags(), refs, sources, n.dependsOnNodes(), n.dependsOnMacros(), n.database(),
                n.schema(), n.alias(), n.relationName(), n.patchPath(), n.createdAt(), n.test(), rendered, n.versioning());
        if (enabled) {
            check(out, patch, listener);
        }
        return out;
    }

    /** Every constraint of a model: its own, then its columns'. */
    static List<Constraint> all(List<Constraint> modelLevel, Map<String, ColumnDef> columns) {
        List<Constraint> all = new ArrayList<>(modelLevel);
        columns.values().forEach(c -> all.addAll(c.constraints()));
        return all;
    }

    private static Constraint rendered(Constraint c, UnaryOperator<String> render) {
        String e = c.expression() == null ? null : render.apply(c.expression());
        return e == null || e.equals(c.expression()) ? c : c.with(e, c.to());
    }

    /** A foreign key's {@code to} read as dbt reads it: a ref() or a source() call, nothing else. */
    static Object target(Node n, Constraint c) {
        RefCall ref = c.toRef();
        if (ref != null) {
            return ref;
        }
        SourceCall source = c.toSource();
        if (source != null) {
            return source;
        }
        throw SluiceException.user("constraint.to", where(n, c), "Cannot read the foreign key of model " + n.name()
                + ": 'to' must be a ref() or source() call such as ref('customers'), not '" + c.to() + "'");
    }

    private static void check(Node n, PropertyFiles.Patch patch, SluiceListener listener) {
        primaryKeys(n, patch);
        Contract contract = Contract.of(n.config());
        if (!contract.enforced()) {
            return;
        }
        String materialized = n.materialized();
        String file = n.originalFilePath();
        if (n.isEphemeral()) {
            throw SluiceException.user("contract.ephemeral", Location.of(file), "Cannot enforce the contract of model "
                    + n.name() + ": ephemeral models build no relation to hold it; materialize it as a table, view or"
                    + " incremental model, or set contract: {enforced: false}");
        }
        if (n.columns().isEmpty()) {
            throw SluiceException.user("contract.columns", patch == null ? Location.of(file) : patch.location(),
                    "Cannot enforce the contract of model " + n.name() + " (" + file + "): declare its columns, each"
                            + " with a name and data_type, under the model in a property file such as models/schema.yml");
        }
        if (materialized.equals("incremental")) {
            String onSchemaChange = n.config().string("on_schema_change", "ignore");
            if (!onSchemaChange.equals("append_new_columns") && !onSchemaChange.equals("fail")) {
                throw SluiceException.user("contract.incremental", Location.of(file), "Cannot enforce the contract of"
                        + " incremental model " + n.name() + " with on_schema_change '" + onSchemaChange + "': set"
                        + " on_schema_change to 'append_new_columns' or 'fail', so the table keeps the declared columns");
            }
        }
        boolean constraintsApply = materialized.equals("table") || materialized.equals("incremental");
        if (!constraintsApply && all(n.constraints(), n.columns()).stream().anyMatch(Constraint::warnUnsupported)) {
            listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Model " + n.name() + " declares"
                    + " constraints, which a " + materialized + " cannot hold: they are not applied (set"
                    + " warn_unsupported: false on them to silence this)", patch == null ? Location.of(file)
                    : patch.location()));
        }
        if (constraintsApply) {
            n.columns().values().forEach(col -> col.constraints().forEach(c -> incomplete(n, "column " + col.name(), c,
                    listener)));
            n.constraints().forEach(c -> incomplete(n, "the model", c, listener));
        }
    }

    /**
     * Warns about a constraint dbt leaves out of the DDL without a word (a check with no
     * expression, a model-level not_null, ...); fails on a model-level one that spans no columns.
     */
    private static void incomplete(Node n, String on, Constraint c, SluiceListener listener) {
        boolean modelLevel = on.equals("the model");
        String missing = switch (c.type()) {
            case CHECK, CUSTOM -> blank(c.expression()) ? "it has no expression" : null;
            case FOREIGN_KEY -> blank(c.expression()) && (c.to() == null || c.toColumns().isEmpty())
                    ? "it names neither to and to_columns nor an expression" : null;
            case NOT_NULL -> modelLevel ? "not_null is a column constraint: declare it on each column" : null;
            default -> null;
        };
        if (missing != null) {
            listener.onEvent(new SluiceEvent.Message(SluiceEvent.Level.WARN, "Ignoring the " + c.type().dbtName()
                    + " constraint on " + on + " of model " + n.name() + ": " + missing, where(n, c)));
            return;
        }
        if (modelLevel && c.columns().isEmpty() && c.type() != Constraint.Type.CHECK
                && c.type() != Constraint.Type.CUSTOM) {
            throw SluiceException.user("constraint.columns", where(n, c), "Cannot read the " + c.type().dbtName()
                    + " constraint of model " + n.name() + ": a model-level constraint names the columns it spans,"
                    + " e.g. columns: [id]");
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** dbt's rule: one column-level primary key at most, and not both column- and model-level ones. */
    private static void primaryKeys(Node n, PropertyFiles.Patch patch) {
        List<String> columns = new ArrayList<>();
        n.columns().values().forEach(c -> c.constraints().stream()
                .filter(x -> x.type() == Constraint.Type.PRIMARY_KEY).findFirst().ifPresent(x -> columns.add(c.name())));
        boolean modelLevel = n.constraints().stream().anyMatch(c -> c.type() == Constraint.Type.PRIMARY_KEY);
        Location where = patch == null ? Location.of(n.originalFilePath()) : patch.location();
        if (columns.size() > 1) {
            throw SluiceException.user("constraint.primary_key", where, "Cannot read the constraints of model "
                    + n.name() + ": columns " + String.join(", ", columns) + " each declare a primary key; declare one"
                    + " primary key at the model level with columns: [" + String.join(", ", columns) + "]");
        }
        if (!columns.isEmpty() && modelLevel) {
            throw SluiceException.user("constraint.primary_key", where, "Cannot read the constraints of model "
                    + n.name() + ": a primary key is declared both on column " + columns.get(0) + " and at the model"
                    + " level; keep one of them");
        }
    }

    /**
     * Checks that the foreign keys' {@code to} of {@code n} name existing nodes or sources, so the
     * error points at the property file rather than the model's SQL.
     */
    static void checkTargets(Node n, Refs refs) {
        for (Constraint c : all(n.constraints(), n.columns())) {
            if (c.type() != Constraint.Type.FOREIGN_KEY || c.to() == null) {
                continue;
            }
            Object target = target(n, c);
            try {
                if (target instanceof RefCall r) {
                    refs.ref(n, r);
                } else {
                    refs.source(n, (SourceCall) target);
                }
            } catch (SluiceException e) {
                throw SluiceException.user(e.code(), where(n, c), "Cannot resolve the foreign key of model " + n.name()
                        + " to " + c.to() + ": " + e.reason().substring(e.reason().indexOf(": ") + 2), e);
            }
        }
    }

    private static Location where(Node n, Constraint c) {
        return c.where() != null ? c.where() : Location.of(n.originalFilePath());
    }
}
