package dev.sluice.jinja.spi;

import java.util.Objects;

/**
 * A string that is safe to print in an autoescaping template: markupsafe's {@code Markup}.
 * Printing it never escapes it again; combining it with plain text escapes the plain text.
 */
public final class Markup implements CharSequence, Comparable<Markup> {
    private final String text;

    public Markup(String text) {
        this.text = Objects.requireNonNull(text, "text is null");
    }

    /** Escapes {@code & < > ' "} as markupsafe does; returns {@code s} unchanged when nothing needs escaping. */
    public static String escapeText(String s) {
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '&' || c == '<' || c == '>' || c == '\'' || c == '"') {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16);
        sb.append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '\'' -> sb.append("&#39;");
                case '"' -> sb.append("&#34;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public int compareTo(Markup o) {
        return text.compareTo(o.text);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Markup m && m.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
