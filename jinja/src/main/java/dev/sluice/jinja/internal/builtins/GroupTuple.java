package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyMethods;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTyped;
import dev.sluice.jinja.internal.py.TupleLike;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.PyTuple;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * One group of the {@code groupby} filter: Jinja2's {@code _GroupTuple}, a named tuple
 * {@code (grouper, list)} that unpacks and prints like a plain tuple.
 */
final class GroupTuple extends AbstractList<Object> implements RandomAccess, JinjaObject, PyTyped, TupleLike {
    private final Object grouper;
    private final List<Object> list;

    GroupTuple(Object grouper, List<Object> list) {
        this.grouper = grouper;
        this.list = list;
    }

    Object grouper() {
        return grouper;
    }

    List<Object> list() {
        return list;
    }

    @Override
    public Object get(int index) {
        return switch (index) {
            case 0 -> grouper;
            case 1 -> list;
            default -> throw new IndexOutOfBoundsException(index);
        };
    }

    @Override
    public int size() {
        return 2;
    }

    @Override
    public Object attribute(String name) {
        switch (name) {
            case "grouper":
                return grouper;
            case "list":
                return list;
            case "count":
            case "index":
                JinjaCallable m = PyMethods.bind(asTuple(), name);
                return m == null ? ABSENT : m;
            default:
                return ABSENT;
        }
    }

    @Override
    public Object item(Object key) {
        return ABSENT;
    }

    PyTuple asTuple() {
        return PyTuple.of(grouper, list);
    }

    @Override
    public String str() {
        return PyRepr.repr(asTuple());
    }

    @Override
    public String repr() {
        return str();
    }

    @Override
    public String typeName() {
        return "_GroupTuple";
    }

    @Override
    public String pyTypeName() {
        return "_GroupTuple";
    }

    @Override
    public String pyModule() {
        return "jinja2.filters";
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof GroupTuple g) {
            return PyOps.eq(asTuple(), g.asTuple());
        }
        return o instanceof PyTuple t && PyOps.eq(asTuple(), t);
    }

    @Override
    public int hashCode() {
        return asTuple().hashCode();
    }
}
