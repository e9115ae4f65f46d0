package dev.sluice.core.internal.context;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Compiles a Python regular expression to java.util.regex. Where the dialects differ it rewrites:
 * named groups {@code (?P<name>...)} become numbered groups (Java names allow no underscore),
 * {@code (?P=name)} and {@code \1} become numbered back references, {@code \Z} is {@code \z},
 * a {@code {} that is not a repeat is literal, {@code {,n}} is {@code {0,n}}, and inside a set
 * {@code [} {@code &} and white space are literal as in Python (even in verbose mode).
 */
final class PyRegex {
    static final int I = 2;
    static final int L = 4;
    static final int M = 8;
    static final int S = 16;
    static final int U = 32;
    static final int X = 64;
    static final int A = 256;
    private static final Pattern REPEAT = Pattern.compile("\\{(\\d*)(?:(,)(\\d*))?}");

    /** A compiled pattern with Python's view of it: flags, group count and group names. */
    record Compiled(String source, Pattern java, int flags, int groups, Map<String, Integer> names) {
    }

    private final String source;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private int groups;
    private int inlineFlags;

    private PyRegex(String source) {
        this.source = source;
    }

    static TemplateRuntimeException error(String message) {
        return new TemplateRuntimeException(ErrorKind.VALUE, message);
    }

    static Compiled compile(String pattern, int flags) {
        PyRegex t = new PyRegex(pattern);
        t.translate();
        int all = flags | t.inlineFlags;
        if ((all & A) == 0) {
            all |= U;
        }
        int java = 0;
        if ((all & A) == 0) {
            java |= Pattern.UNICODE_CHARACTER_CLASS;
        }
        if ((all & I) != 0) {
            java |= Pattern.CASE_INSENSITIVE | ((all & A) == 0 ? Pattern.UNICODE_CASE : 0);
        }
        if ((all & M) != 0) {
            java |= Pattern.MULTILINE;
        }
        if ((all & S) != 0) {
            java |= Pattern.DOTALL;
        }
        if ((all & X) != 0) {
            java |= Pattern.COMMENTS;
        }
        try {
            return new Compiled(pattern, Pattern.compile(t.out.toString(), java), all, t.groups, Map.copyOf(t.names));
        } catch (PatternSyntaxException e) {
            throw error(e.getDescription() + " in pattern " + PyValues.repr(pattern));
        }
    }

    private void translate() {
        int n = source.length();
        int i = 0;
        while (i < n) {
            char c = source.charAt(i);
            switch (c) {
                case '\\' -> i = escape(i);
                case '[' -> i = charClass(i);
                case '(' -> i = group(i);
                case '{' -> i = brace(i);
                case '}' -> {
                    out.append("\\}");
                    i++;
                }
                default -> {
                    out.append(c);
                    i++;
                }
            }
        }
    }

    private int escape(int i) {
        if (i + 1 >= source.length()) {
            throw error("bad escape (end of pattern) at position " + i);
        }
        char e = source.charAt(i + 1);
        if (e == 'Z') {
            out.append("\\z");
            return i + 2;
        }
        if (e >= '1' && e <= '9') {
            int j = i + 1;
            while (j < source.length() && j < i + 3 && Character.isDigit(source.charAt(j))) {
                j++;
            }
            int ref = Integer.parseInt(source.substring(i + 1, j));
            if (ref > groups) {
                throw error("invalid group reference " + ref + " at position " + (i + 1));
            }
            out.append("(?:\\").append(ref).append(')');
            return j;
        }
        out.append('\\').append(e);
        return i + 2;
    }

    private int charClass(int i) {
        int n = source.length();
        out.append('[');
        i++;
        if (i < n && source.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < n && source.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (i < n) {
            char c = source.charAt(i);
            if (c == ']') {
                out.append(']');
                return i + 1;
            }
            if (c == '\\' && i + 1 < n) {
                out.append(c).append(source.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '[' || c == '&' || c == '#') {
                out.append('\\').append(c);
            } else if (Character.isWhitespace(c)) {
                out.append(String.format("\\x{%x}", (int) c));
            } else {
                out.append(c);
            }
            i++;
        }
        throw error("unterminated character set at position " + (source.lastIndexOf('[')));
    }

    private int group(int i) {
        if (source.startsWith("(?P<", i)) {
            int close = source.indexOf('>', i);
            if (close < 0) {
                throw error("missing >, unterminated name at position " + (i + 4));
            }
            String name = source.substring(i + 4, close);
            if (!name.matches("[\\p{L}_][\\p{L}\\p{N}_]*")) {
                throw error("bad character in group name " + PyValues.repr(name) + " at position " + (i + 4));
            }
            if (names.containsKey(name)) {
                throw error("redefinition of group name " + PyValues.repr(name) + " as group " + (groups + 1)
                        + "; was group " + names.get(name) + " at position " + (i + 4));
            }
            names.put(name, ++groups);
            out.append('(');
            return close + 1;
        }
        if (source.startsWith("(?P=", i)) {
            int close = source.indexOf(')', i);
            String name = close < 0 ? "" : source.substring(i + 4, close);
            Integer ref = names.get(name);
            if (ref == null) {
                throw error("unknown group name " + PyValues.repr(name) + " at position " + (i + 4));
            }
            out.append("(?:\\").append(ref).append(')');
            return close + 1;
        }
        if (source.startsWith("(?#", i)) {
            int close = source.indexOf(')', i);
            if (close < 0) {
                throw error("missing ), unterminated comment at position " + i);
            }
            return close + 1;
        }
        if (source.startsWith("(?(", i)) {
            throw error("conditional groups (?(...)...) are not supported, at position " + i);
        }
        if (source.startsWith("(?", i)) {
            Matcher m = Pattern.compile("\\(\\?([aiLmsux]+)([):])").matcher(source).region(i, source.length());
            if (m.lookingAt()) {
                String letters = m.group(1);
                int local = 0;
                for (char f : letters.toCharArray()) {
                    local |= switch (f) {
                        case 'a' -> A;
                        case 'i' -> I;
                        case 'L' -> L;
                        case 'm' -> M;
                        case 's' -> S;
                        case 'u' -> U;
                        default -> X;
                    };
                }
                String javaLetters = letters.replaceAll("[aLu]", "");
                if (m.group(2).equals(")")) {
                    inlineFlags |= local;
                    out.append(javaLetters.isEmpty() ? "" : "(?" + javaLetters + ")");
                } else {
                    out.append("(?").append(javaLetters).append(':');
                }
                return m.end();
            }
            out.append("(?");
            return i + 2;
        }
        groups++;
        out.append('(');
        return i + 1;
    }

    private int brace(int i) {
        Matcher m = REPEAT.matcher(source).region(i, source.length());
        if (!m.lookingAt() || (m.group(1).isEmpty() && m.group(2) == null)) {
            out.append("\\{");
            return i + 1;
        }
        String lo = m.group(1).isEmpty() ? "0" : m.group(1);
        out.append('{').append(lo);
        if (m.group(2) != null) {
            out.append(',').append(m.group(3));
        }
        out.append('}');
        return m.end();
    }
}
