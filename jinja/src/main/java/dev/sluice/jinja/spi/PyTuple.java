package dev.sluice.jinja.spi;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collection;
import java.util.RandomAccess;

/** An immutable Python tuple: a list that prints with parentheses and cannot be changed. */
public final class PyTuple extends AbstractList<Object> implements RandomAccess {
    public static final PyTuple EMPTY = new PyTuple(new Object[0]);

    private final Object[] items;

    private PyTuple(Object[] items) {
        this.items = items;
    }

    /** A tuple of the given items (null items are Python's None). */
    public static PyTuple of(Object... items) {
        return items.length == 0 ? EMPTY : new PyTuple(items.clone());
    }

    /** A tuple holding the items of {@code items}, in order. */
    public static PyTuple copyOf(Collection<?> items) {
        return items.isEmpty() ? EMPTY : new PyTuple(items.toArray());
    }

    /** Takes ownership of {@code items}; the caller must not change the array afterwards. */
    public static PyTuple wrap(Object[] items) {
        return items.length == 0 ? EMPTY : new PyTuple(items);
    }

    @Override
    public Object get(int index) {
        return items[index];
    }

    @Override
    public int size() {
        return items.length;
    }

    @Override
    public Object[] toArray() {
        return items.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (o instanceof PyTuple t) {
            return Arrays.equals(items, t.items);
        }
        return false;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(items);
    }

    /** A Python-style view, e.g. {@code (1, 'a')}. */
    @Override
    public String toString() {
        return dev.sluice.jinja.internal.py.PyRepr.repr(this);
    }
}
