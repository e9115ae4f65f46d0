package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyStringable;
import dev.sluice.jinja.internal.py.PyTyped;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Supplier;

/**
 * A Python iterator such as the generator {@code map} returns or the {@code list_reverseiterator}
 * of {@code reverse}: lazy, single-use, always true, without len(), printed as
 * {@code <generator object sync_do_map at 0x...>}. A generator's body (its supplier) runs on the
 * first request for an item, as a Python generator's does.
 */
public final class PyIterator implements Iterable<Object>, Iterator<Object>, PyTyped, PyStringable {
    private final String typeName;
    private final String label;
    private Supplier<Iterator<Object>> body;
    private Iterator<Object> items;

    private PyIterator(String typeName, String label, Supplier<Iterator<Object>> body) {
        this.typeName = typeName;
        this.label = label;
        this.body = body;
    }

    /** A generator created by the Python function {@code function}. */
    static PyIterator generator(String function, Supplier<Iterator<Object>> body) {
        return new PyIterator("generator", "generator object " + function, body);
    }

    /** A builtin iterator of type {@code typeName} ({@code list_reverseiterator}, {@code reversed}, ...). */
    static PyIterator of(String typeName, Iterator<Object> items) {
        return new PyIterator(typeName, typeName + " object", () -> items);
    }

    private Iterator<Object> items() {
        if (items == null) {
            Supplier<Iterator<Object>> b = body;
            body = null;
            items = java.util.Collections.emptyIterator();
            items = b.get();
        }
        return items;
    }

    @Override
    public Iterator<Object> iterator() {
        return this;
    }

    @Override
    public boolean hasNext() {
        return items().hasNext();
    }

    @Override
    public Object next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return items.next();
    }

    @Override
    public String pyTypeName() {
        return typeName;
    }

    @Override
    public String pyStr() {
        return "<" + label + " at " + Address.of(this) + ">";
    }

    @Override
    public String toString() {
        return pyStr();
    }
}
