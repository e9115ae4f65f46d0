package dev.sluice.core.internal.parse;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** "Did you mean ...?" for misspelled names: the closest candidates by edit distance. */
public final class Suggestions {
    private Suggestions() {
    }

    /** Up to three candidates within a distance of a third of the name's length (at least 2). */
    public static List<String> closest(String name, Collection<String> candidates) {
        int limit = Math.max(2, name.length() / 3);
        return candidates.stream()
                .map(c -> new Object[] {c, distance(name.toLowerCase(), c.toLowerCase())})
                .filter(p -> (int) p[1] <= limit)
                .sorted(Comparator.comparingInt((Object[] p) -> (int) p[1]).thenComparing(p -> (String) p[0]))
                .limit(3)
                .map(p -> (String) p[0])
                .toList();
    }

    /** A sentence ending a message, or "" when nothing is close. */
    public static String didYouMean(String name, Collection<String> candidates) {
        List<String> c = closest(name, candidates);
        if (c.isEmpty()) {
            return "";
        }
        return "; did you mean " + String.join(" or ", c.stream().map(s -> "'" + s + "'").toList()) + "?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
