package dev.sluice.jinja.internal.py;

import java.util.AbstractList;
import java.util.RandomAccess;

/** Python's {@code range} object: a lazy, immutable sequence of ints. */
public final class PyRange extends AbstractList<Object> implements RandomAccess, PyTyped, PyStringable {
    private final long start;
    private final long stop;
    private final long step;
    private final int size;

    public PyRange(long start, long stop, long step) {
        if (step == 0) {
            throw PyErrors.value("range() arg 3 must not be zero");
        }
        this.start = start;
        this.stop = stop;
        this.step = step;
        long n;
        if (step > 0) {
            n = start < stop ? (stop - start + step - 1) / step : 0;
        } else {
            n = start > stop ? (start - stop - step - 1) / -step : 0;
        }
        if (n > Integer.MAX_VALUE) {
            throw PyErrors.overflow("Python int too large to convert to C ssize_t");
        }
        this.size = (int) n;
    }

    public long start() {
        return start;
    }

    public long stop() {
        return stop;
    }

    public long step() {
        return step;
    }

    @Override
    public Object get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index);
        }
        return start + index * step;
    }

    @Override
    public int size() {
        return size;
    }

    /** Whether the int {@code v} is one of this range's values. */
    public boolean containsValue(Object v) {
        if (!PyNumbers.isNumeric(v)) {
            return false;
        }
        for (Object x : this) {
            if (PyOps.eq(x, v)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String pyTypeName() {
        return "range";
    }

    @Override
    public String pyStr() {
        return step == 1 ? "range(" + start + ", " + stop + ")" : "range(" + start + ", " + stop + ", " + step + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyRange r && PyOps.eq(this, r);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(start) * 31 + size;
    }

    @Override
    public String toString() {
        return pyStr();
    }
}
