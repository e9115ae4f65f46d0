package dev.sluice.core.internal.project;

/** dbt's version specifiers: {@code >=1.0.0}, {@code <2.0.0}, {@code 1.5.x}, {@code ~=1.4}, exact versions. */
public final class VersionRange {
    private VersionRange() {
    }

    public static boolean satisfies(String version, String spec) {
        String s = spec.replace(" ", "");
        if (s.isEmpty()) {
            return true;
        }
        String op;
        if (s.startsWith(">=") || s.startsWith("<=") || s.startsWith("==") || s.startsWith("~=")) {
            op = s.substring(0, 2);
            s = s.substring(2);
        } else if (s.startsWith(">") || s.startsWith("<") || s.startsWith("=")) {
            op = s.substring(0, 1);
            s = s.substring(1);
        } else {
            op = "==";
        }
        if (s.endsWith(".x") || s.endsWith(".*")) {
            String prefix = s.substring(0, s.length() - 2);
            return version.equals(prefix) || version.startsWith(prefix + ".");
        }
        int c = compare(version, s);
        return switch (op) {
            case ">=" -> c >= 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            case "<" -> c < 0;
            case "~=" -> c >= 0 && compatiblePrefix(version, s);
            default -> c == 0;
        };
    }

    private static boolean compatiblePrefix(String version, String spec) {
        String[] sp = spec.split("\\.");
        String[] v = version.split("\\.");
        for (int i = 0; i < sp.length - 1; i++) {
            if (i >= v.length || !v[i].equals(sp[i])) {
                return false;
            }
        }
        return true;
    }

    public static int compare(String a, String b) {
        String[] x = a.split("[.\\-]");
        String[] y = b.split("[.\\-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? parse(x[i]) : 0;
            int q = i < y.length ? parse(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static int parse(String s) {
        StringBuilder digits = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (!Character.isDigit(c)) {
                break;
            }
            digits.append(c);
        }
        return digits.length() == 0 ? 0 : Integer.parseInt(digits.toString());
    }
}
