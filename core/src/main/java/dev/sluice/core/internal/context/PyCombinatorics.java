package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.PyTuple;
import java.util.ArrayList;
import java.util.List;

/** itertools' combinations and permutations, in Python's (lexicographic by position) order. */
final class PyCombinatorics {
    private static final int LIMIT = 1_000_000;

    private PyCombinatorics() {
    }

    static List<Object> combinations(List<Object> pool, int r, boolean withReplacement) {
        List<Object> out = new ArrayList<>();
        int n = pool.size();
        if (r > n && !withReplacement || (n == 0 && r > 0)) {
            return out;
        }
        int[] idx = new int[r];
        for (int i = 0; i < r; i++) {
            idx[i] = withReplacement ? 0 : i;
        }
        while (true) {
            out.add(pick(pool, idx));
            check(out);
            int i = r - 1;
            while (i >= 0 && idx[i] == (withReplacement ? n - 1 : i + n - r)) {
                i--;
            }
            if (i < 0) {
                return out;
            }
            idx[i]++;
            for (int j = i + 1; j < r; j++) {
                idx[j] = withReplacement ? idx[i] : idx[j - 1] + 1;
            }
        }
    }

    static List<Object> permutations(List<Object> pool, int r) {
        List<Object> out = new ArrayList<>();
        if (r <= pool.size()) {
            permute(pool, r, new int[r], new boolean[pool.size()], 0, out);
        }
        return out;
    }

    private static void permute(List<Object> pool, int r, int[] idx, boolean[] used, int depth, List<Object> out) {
        if (depth == r) {
            out.add(pick(pool, idx));
            check(out);
            return;
        }
        for (int i = 0; i < pool.size(); i++) {
            if (!used[i]) {
                used[i] = true;
                idx[depth] = i;
                permute(pool, r, idx, used, depth + 1, out);
                used[i] = false;
            }
        }
    }

    private static PyTuple pick(List<Object> pool, int[] idx) {
        Object[] t = new Object[idx.length];
        for (int i = 0; i < idx.length; i++) {
            t[i] = pool.get(idx[i]);
        }
        return PyTuple.wrap(t);
    }

    private static void check(List<Object> out) {
        if (out.size() > LIMIT) {
            throw PyValues.overflow("Cannot list more than " + LIMIT + " combinations in a template");
        }
    }
}
