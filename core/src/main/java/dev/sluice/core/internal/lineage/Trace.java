package dev.sluice.core.internal.lineage;

import static java.util.Objects.requireNonNull;

import dev.sluice.core.internal.lineage.OutputColumn.Kind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The lineage of one value as far as it is known: how it is derived, from what, and what is missing. */
record Trace(Kind kind, List<SourceColumn> sources, List<String> problems) {
    static final Trace CONSTANT = new Trace(Kind.CONSTANT, List.of(), List.of());

    Trace {
        requireNonNull(kind, "kind is null");
        sources = List.copyOf(sources);
        problems = List.copyOf(problems);
    }

    static Trace direct(SourceColumn source) {
        return new Trace(Kind.DIRECT, List.of(source), List.of());
    }

    /** A value that could not be traced; not DIRECT, since nothing shows that it is. */
    static Trace problem(String problem) {
        return new Trace(Kind.EXPRESSION, List.of(), List.of(problem));
    }

    /** A value computed from {@code parts}. */
    static Trace computed(List<Trace> parts) {
        if (parts.isEmpty()) {
            return CONSTANT;
        }
        Set<SourceColumn> sources = new LinkedHashSet<>();
        Set<String> problems = new LinkedHashSet<>();
        for (Trace t : parts) {
            sources.addAll(t.sources);
            problems.addAll(t.problems);
        }
        Kind kind = sources.isEmpty() && problems.isEmpty() ? Kind.CONSTANT : Kind.EXPRESSION;
        return new Trace(kind, new ArrayList<>(sources), new ArrayList<>(problems));
    }

    /** The value of rows that come from either this or {@code other} (UNION, INTERSECT, VALUES rows). */
    Trace or(Trace other) {
        Trace t = computed(List.of(this, other));
        return kind == Kind.DIRECT && other.kind == Kind.DIRECT ? new Trace(Kind.DIRECT, t.sources, t.problems) : t;
    }
}
