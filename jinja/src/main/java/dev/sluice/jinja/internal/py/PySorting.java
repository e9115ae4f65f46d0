package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Python's {@code list.sort}: stable, comparing only with {@code <} (as {@code later < earlier}), so
 * values with a partial order (mixed types raise, NaN compares false) behave as in CPython for
 * orderable data. Java's sorts need a total order and may reject inconsistent comparisons.
 */
final class PySorting {
    private static final int INSERTION_LIMIT = 16;

    private PySorting() {
    }

    /** The items sorted by {@code key} (a callable, or null for the items themselves), optionally reversed. */
    static List<Object> sort(CallContext ctx, List<?> items, Object key, boolean reverse) {
        int n = items.size();
        Object[] values = items.toArray();
        if (reverse) {
            reverse(values);
        }
        Object[] keys = values;
        if (key != null) {
            keys = new Object[n];
            for (int i = 0; i < n; i++) {
                keys[i] = ctx.call(key, Arguments.of(values[i]));
            }
        }
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        mergeSort(order, new int[n], 0, n, keys);
        List<Object> out = new ArrayList<>(n);
        for (int i : order) {
            out.add(values[i]);
        }
        if (reverse) {
            Collections.reverse(out);
        }
        return out;
    }

    private static void reverse(Object[] a) {
        for (int i = 0, j = a.length - 1; i < j; i++, j--) {
            Object t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static boolean lt(Object[] keys, int x, int y) {
        return PyOps.lt(keys[x], keys[y]);
    }

    private static void mergeSort(int[] a, int[] tmp, int lo, int hi, Object[] keys) {
        if (hi - lo <= INSERTION_LIMIT) {
            binaryInsertion(a, lo, hi, keys);
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, keys);
        mergeSort(a, tmp, mid, hi, keys);
        if (!lt(keys, a[mid], a[mid - 1])) {
            return;
        }
        System.arraycopy(a, lo, tmp, lo, hi - lo);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            a[k++] = lt(keys, tmp[j], tmp[i]) ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < hi) {
            a[k++] = tmp[j++];
        }
    }

    private static void binaryInsertion(int[] a, int lo, int hi, Object[] keys) {
        for (int start = lo + 1; start < hi; start++) {
            int pivot = a[start];
            int l = lo;
            int r = start;
            while (l < r) {
                int p = l + ((r - l) >> 1);
                if (lt(keys, pivot, a[p])) {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            System.arraycopy(a, l, a, l + 1, start - l);
            a[l] = pivot;
        }
    }
}
