package dev.sluice.core.internal.lineage;

/** PostgreSQL's identifier rules: unquoted names fold to lower case, quoted ones keep their case. */
final class Identifiers {
    private Identifiers() {
    }

    /** {@code Foo} is {@code foo}, {@code "Foo"} is {@code Foo}, {@code "a""b"} is {@code a"b}; null stays null. */
    static String fold(String raw) {
        if (raw == null) {
            return null;
        }
        int n = raw.length();
        if (n >= 2 && raw.charAt(0) == '"' && raw.charAt(n - 1) == '"') {
            return raw.substring(1, n - 1).replace("\"\"", "\"");
        }
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                // PostgreSQL lower-cases ASCII letters only (in UTF-8 databases)
                char[] chars = raw.toCharArray();
                for (int j = i; j < n; j++) {
                    if (chars[j] >= 'A' && chars[j] <= 'Z') {
                        chars[j] = (char) (chars[j] + ('a' - 'A'));
                    }
                }
                return new String(chars);
            }
        }
        return raw;
    }

    /** The last part of a dotted name such as {@code pg_catalog."Text"}, folded. */
    static String lastPart(String raw) {
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '.' && !quoted) {
                start = i + 1;
            }
        }
        return fold(raw.substring(start).strip());
    }

    /** How a name reads in a message: bare when it folds to itself, else quoted. */
    static String display(String name) {
        boolean plain = !name.isEmpty() && !Character.isDigit(name.charAt(0)) && name.charAt(0) != '$';
        for (int i = 0; i < name.length() && plain; i++) {
            char c = name.charAt(i);
            plain = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_' || c == '$' || c >= 0x80;
        }
        return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
