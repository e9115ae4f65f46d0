package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.PyTuple;

/**
 * {@code str.find}, {@code count}, {@code startswith}, {@code replace} and friends. Python indexes
 * strings by code point; Java by UTF-16 unit, so indices are converted when a string has
 * supplementary characters.
 */
final class StrSearch {
    private StrSearch() {
    }

    static int cpLen(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The UTF-16 index of code point {@code cp} (0 &lt;= cp &lt;= cpLen). */
    static int charIndex(String s, long cp) {
        int i = (int) cp;
        return s.length() == cpLen(s) ? i : s.offsetByCodePoints(0, i);
    }

    static int cpIndex(String s, int charIndex) {
        return s.codePointCount(0, charIndex);
    }

    /** Python's ADJUST_INDICES: end is clamped into [0, len]; start only from below. */
    static long[] adjust(long start, long end, int len) {
        if (end > len) {
            end = len;
        } else if (end < 0) {
            end = Math.max(end + len, 0);
        }
        if (start < 0) {
            start = Math.max(start + len, 0);
        }
        return new long[] {start, end};
    }

    private static long[] range(Arguments a, int from, int len) {
        long start = MethodArgs.sliceIndex(MethodArgs.arg(a, from, null), true, 0);
        long end = MethodArgs.sliceIndex(MethodArgs.arg(a, from + 1, null), true, Long.MAX_VALUE);
        return adjust(start, end, len);
    }

    /** {@code find}/{@code rfind}/{@code index}/{@code rindex}: the code point index, or -1. */
    static long find(String s, Arguments a, String qualname, boolean forward, boolean raise) {
        MethodArgs.tuple(a, qualname, 1, 3);
        String sub = MethodArgs.mustBeStr(a.get(0));
        long r = find(s, sub, range(a, 1, cpLen(s)), forward);
        if (r < 0 && raise) {
            throw PyErrors.value("substring not found");
        }
        return r;
    }

    private static long find(String s, String sub, long[] se, boolean forward) {
        long start = se[0];
        long end = se[1];
        int subLen = cpLen(sub);
        if (end - start < subLen) {
            return -1;
        }
        if (subLen == 0) {
            return forward ? start : end;
        }
        int cs = charIndex(s, start);
        int ce = charIndex(s, end);
        int i;
        if (forward) {
            i = s.indexOf(sub, cs);
            if (i < 0 || i + sub.length() > ce) {
                return -1;
            }
        } else {
            i = s.lastIndexOf(sub, ce - sub.length());
            if (i < cs) {
                return -1;
            }
        }
        return cpIndex(s, i);
    }

    static long count(String s, Arguments a) {
        MethodArgs.tuple(a, "str.count", 1, 3);
        String sub = MethodArgs.mustBeStr(a.get(0));
        long[] se = range(a, 1, cpLen(s));
        int subLen = cpLen(sub);
        if (se[1] - se[0] < subLen) {
            return 0;
        }
        if (subLen == 0) {
            return se[1] - se[0] + 1;
        }
        int ce = charIndex(s, se[1]);
        long n = 0;
        for (int i = s.indexOf(sub, charIndex(s, se[0])); i >= 0 && i + sub.length() <= ce;
                i = s.indexOf(sub, i + sub.length())) {
            n++;
        }
        return n;
    }

    /** {@code startswith} (atEnd false) and {@code endswith} (atEnd true). */
    static boolean tailMatch(String s, Arguments a, String name, boolean atEnd) {
        MethodArgs.tuple(a, "str." + name, 1, 3);
        long[] se = range(a, 1, cpLen(s));
        Object what = a.get(0);
        if (what instanceof PyTuple t) {
            for (Object item : t) {
                if (!PyTypes.isString(item)) {
                    throw PyErrors.type("tuple for " + name + " must only contain str, not " + MethodArgs.tpName(item));
                }
                if (tailMatch(s, item.toString(), se, atEnd)) {
                    return true;
                }
            }
            return false;
        }
        if (!PyTypes.isString(what)) {
            throw PyErrors.type(name + " first arg must be str or a tuple of str, not " + MethodArgs.tpName(what));
        }
        return tailMatch(s, what.toString(), se, atEnd);
    }

    private static boolean tailMatch(String s, String sub, long[] se, boolean atEnd) {
        long start = se[0];
        int subLen = cpLen(sub);
        long end = se[1] - subLen;
        if (end < start) {
            return false;
        }
        if (subLen == 0) {
            return true;
        }
        return s.startsWith(sub, charIndex(s, atEnd ? end : start));
    }

    static String replace(String s, Arguments a) {
        MethodArgs.positional(a, "str.replace", 2, 3);
        String old = MethodArgs.str(a.get(0), "replace() argument 1 must be str, not " + MethodArgs.tpName(a.get(0)));
        String rep = MethodArgs.str(a.get(1), "replace() argument 2 must be str, not " + MethodArgs.tpName(a.get(1)));
        long count = a.size() > 2 ? MethodArgs.index(a.get(2)) : -1;
        if (count < 0) {
            count = Long.MAX_VALUE;
        }
        return replace(s, old, rep, count);
    }

    static String replace(String s, String old, String rep, long count) {
        if (count == 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        if (old.isEmpty()) {
            int i = 0;
            while (i < s.length() && count > 0) {
                sb.append(rep);
                int next = s.offsetByCodePoints(i, 1);
                sb.append(s, i, next);
                i = next;
                count--;
            }
            if (count > 0) {
                sb.append(rep);
            }
            return sb.append(s, i, s.length()).toString();
        }
        int last = 0;
        for (int i = s.indexOf(old); i >= 0 && count > 0; i = s.indexOf(old, last), count--) {
            sb.append(s, last, i).append(rep);
            last = i + old.length();
        }
        return last == 0 ? s : sb.append(s, last, s.length()).toString();
    }
}
