package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import java.util.ArrayList;
import java.util.List;

/** Python's {@code slice(start, stop, step)}; null bounds are omitted ones. */
public record PySlice(Object start, Object stop, Object step) implements PyStringable {

    /** Python's {@code slice.indices(length)}: {start, stop, step, count}. */
    public long[] indices(long length) {
        long st;
        if (step == null) {
            st = 1;
        } else {
            st = index(step);
            if (st == 0) {
                throw PyErrors.value("slice step cannot be zero");
            }
        }
        long lower = st < 0 ? -1 : 0;
        long upper = st < 0 ? length - 1 : length;
        long s;
        if (start == null) {
            s = st < 0 ? upper : lower;
        } else {
            s = index(start);
            if (s < 0) {
                s = Math.max(s + length, lower);
            } else {
                s = Math.min(s, upper);
            }
        }
        long e;
        if (stop == null) {
            e = st < 0 ? lower : upper;
        } else {
            e = index(stop);
            if (e < 0) {
                e = Math.max(e + length, lower);
            } else {
                e = Math.min(e, upper);
            }
        }
        long count;
        if (st > 0) {
            count = e > s ? (e - s + st - 1) / st : 0;
        } else {
            count = s > e ? (s - e - st - 1) / -st : 0;
        }
        return new long[] {s, e, st, count};
    }

    private static long index(Object v) {
        if (PyTypes.isIntegral(v) && PyTypes.fitsLong(v)) {
            return PyTypes.asLong(v);
        }
        if (PyTypes.isInt(v)) {
            return PyTypes.bigInt(v).signum() < 0 ? Long.MIN_VALUE / 2 : Long.MAX_VALUE / 2;
        }
        throw PyErrors.type("slice indices must be integers or None or have an __index__ method");
    }

    /** Applies this slice to a list, tuple, range or string. */
    public Object apply(Object seq) {
        if (PyTypes.isString(seq)) {
            String s = seq.toString();
            int[] cps = s.codePoints().toArray();
            long[] ix = indices(cps.length);
            StringBuilder sb = new StringBuilder();
            for (long i = 0, p = ix[0]; i < ix[3]; i++, p += ix[2]) {
                sb.appendCodePoint(cps[(int) p]);
            }
            return seq instanceof Markup ? new Markup(sb.toString()) : sb.toString();
        }
        List<?> l = (List<?>) seq;
        long[] ix = indices(l.size());
        if (seq instanceof PyRange r) {
            long newStart = r.start() + ix[0] * r.step();
            long newStep = r.step() * ix[2];
            return new PyRange(newStart, newStart + ix[3] * newStep, newStep);
        }
        List<Object> out = new ArrayList<>((int) ix[3]);
        for (long i = 0, p = ix[0]; i < ix[3]; i++, p += ix[2]) {
            out.add(l.get((int) p));
        }
        return seq instanceof PyTuple ? PyTuple.copyOf(out) : out;
    }

    @Override
    public String pyStr() {
        return "slice(" + PyRepr.repr(start) + ", " + PyRepr.repr(stop) + ", " + PyRepr.repr(step) + ")";
    }
}
