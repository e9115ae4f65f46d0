package dev.sluice.core.internal.lineage;

import java.util.HashMap;
import java.util.Map;

/** The CTEs a query sees by name: its own WITH clause's, then those of the queries around it. */
final class Ctes {
    private final Ctes parent;
    private final Map<String, Derived> own = new HashMap<>();

    Ctes(Ctes parent) {
        this.parent = parent;
    }

    void put(String name, Derived derived) {
        own.put(name, derived);
    }

    /** The CTE called {@code name}, or null; {@code ctes} may be null (no WITH anywhere). */
    static Derived find(Ctes ctes, String name) {
        for (Ctes c = ctes; c != null; c = c.parent) {
            Derived d = c.own.get(name);
            if (d != null) {
                return d;
            }
        }
        return null;
    }
}
