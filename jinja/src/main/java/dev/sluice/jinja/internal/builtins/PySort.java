package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyOps;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiPredicate;
import java.util.function.Function;

/**
 * Python's {@code sorted(items, key=..., reverse=...)}: stable, comparing keys with {@code <} only,
 * so unorderable keys raise Python's TypeError. Short lists are sorted as CPython sorts them (same
 * comparisons in the same order, so the same operands reach the error message); long ones by a
 * merge sort, which gives the same order whenever the keys are orderable.
 */
final class PySort {
    private PySort() {
    }

    static List<Object> sorted(List<Object> items, Function<Object, Object> key, boolean reverse) {
        return sorted(items, key, reverse, PyOps::lt);
    }

    /** Sorts with {@code lt} standing for Python's {@code <} between keys. */
    static List<Object> sorted(List<Object> items, Function<Object, Object> key, boolean reverse,
            BiPredicate<Object, Object> lt) {
        int n = items.size();
        List<Object> values = new ArrayList<>(items);
        if (reverse) {
            Collections.reverse(values);
        }
        Object[] keys = new Object[n];
        for (int i = 0; i < n; i++) {
            keys[i] = key == null ? values.get(i) : key.apply(values.get(i));
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Integer[] tmp = new Integer[n];
        if (n < 64) {
            insertionSort(order, keys, lt);
        } else {
            mergeSort(order, tmp, 0, n, keys, lt);
        }
        List<Object> out = new ArrayList<>(n);
        for (Integer i : order) {
            out.add(values.get(i));
        }
        if (reverse) {
            Collections.reverse(out);
        }
        return out;
    }

    /** CPython's sort of a short list: the leading run (reversed if strictly descending), then binary insertion. */
    private static void insertionSort(Integer[] a, Object[] keys, BiPredicate<Object, Object> lt) {
        int n = a.length;
        if (n < 2) {
            return;
        }
        int run = 2;
        if (lt.test(keys[a[1]], keys[a[0]])) {
            while (run < n && lt.test(keys[a[run]], keys[a[run - 1]])) {
                run++;
            }
            for (int i = 0, j = run - 1; i < j; i++, j--) {
                Integer t = a[i];
                a[i] = a[j];
                a[j] = t;
            }
        } else {
            while (run < n && !lt.test(keys[a[run]], keys[a[run - 1]])) {
                run++;
            }
        }
        for (int start = run; start < n; start++) {
            Integer pivot = a[start];
            int l = 0;
            int r = start;
            while (l < r) {
                int p = l + ((r - l) >> 1);
                if (lt.test(keys[pivot], keys[a[p]])) {
                    r = p;
                } else {
                    l = p + 1;
                }
            }
            System.arraycopy(a, l, a, l + 1, start - l);
            a[l] = pivot;
        }
    }

    private static void mergeSort(Integer[] a, Integer[] tmp, int lo, int hi, Object[] keys,
            BiPredicate<Object, Object> lt) {
        if (hi - lo < 2) {
            return;
        }
        if (hi - lo == 2) {
            if (lt.test(keys[a[lo + 1]], keys[a[lo]])) {
                Integer t = a[lo];
                a[lo] = a[lo + 1];
                a[lo + 1] = t;
            }
            return;
        }
        int mid = (lo + hi) >>> 1;
        mergeSort(a, tmp, lo, mid, keys, lt);
        mergeSort(a, tmp, mid, hi, keys, lt);
        int i = lo;
        int j = mid;
        int k = lo;
        while (i < mid && j < hi) {
            if (lt.test(keys[a[j]], keys[a[i]])) {
                tmp[k++] = a[j++];
            } else {
                tmp[k++] = a[i++];
            }
        }
        while (i < mid) {
            tmp[k++] = a[i++];
        }
        while (j < hi) {
            tmp[k++] = a[j++];
        }
        System.arraycopy(tmp, lo, a, lo, hi - lo);
    }
}
