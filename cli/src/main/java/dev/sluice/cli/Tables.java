package dev.sluice.cli;

import dev.sluice.core.api.Preview;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Rows as the Markdown-like table dbt show prints: numbers right-aligned, text left-aligned. */
final class Tables {
    private Tables() {
    }

    static String render(Preview p) {
        int n = p.columns().size();
        int[] width = new int[n];
        boolean[] numeric = new boolean[n];
        Arrays.fill(numeric, true);
        List<List<String>> cells = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            width[i] = Math.max(p.columns().get(i).length(), 3);
        }
        for (List<Object> row : p.rows()) {
            List<String> r = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Object v = row.get(i);
                String s = Preview.text(v);
                if (v != null && !(v instanceof Number)) {
                    numeric[i] = false;
                }
                width[i] = Math.max(width[i], s.length());
                r.add(s);
            }
            cells.add(r);
        }
        StringBuilder sb = new StringBuilder();
        line(sb, p.columns(), width, new boolean[n]);
        sb.append('|');
        for (int i = 0; i < n; i++) {
            sb.append(' ').append("-".repeat(width[i])).append(" |");
        }
        sb.append('\n');
        for (List<String> r : cells) {
            line(sb, r, width, numeric);
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, List<String> values, int[] width, boolean[] right) {
        sb.append('|');
        for (int i = 0; i < values.size(); i++) {
            String v = values.get(i);
            String pad = " ".repeat(width[i] - v.length());
            sb.append(' ').append(right[i] ? pad + v : v + pad).append(" |");
        }
        sb.append('\n');
    }
}
