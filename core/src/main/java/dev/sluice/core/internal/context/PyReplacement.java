package dev.sluice.core.internal.context;

import java.util.ArrayList;
import java.util.List;

/**
 * A replacement template of {@code re.sub}: literal text and group references ({@code \1},
 * {@code \g<2>}, {@code \g<name>}), with Python's escapes ({@code \n}, {@code \t}, ...).
 */
final class PyReplacement {
    private final List<Object> parts;

    private PyReplacement(List<Object> parts) {
        this.parts = parts;
    }

    static PyReplacement parse(String template, PyRegex.Compiled re) {
        List<Object> parts = new ArrayList<>();
        StringBuilder lit = new StringBuilder();
        int n = template.length();
        for (int i = 0; i < n; i++) {
            char c = template.charAt(i);
            if (c != '\\' || i + 1 >= n) {
                lit.append(c);
                continue;
            }
            char e = template.charAt(++i);
            Integer ref = null;
            if (e == 'g') {
                int close = template.indexOf('>', i);
                if (i + 1 >= n || template.charAt(i + 1) != '<' || close < 0) {
                    throw PyRegex.error("missing < at position " + (i + 1));
                }
                String name = template.substring(i + 2, close);
                ref = name.matches("\\d+") ? Integer.valueOf(name) : re.names().get(name);
                if (ref == null) {
                    throw PyValues.indexError("unknown group name " + PyValues.repr(name));
                }
                if (ref > re.groups()) {
                    throw PyRegex.error("invalid group reference " + ref + " at position " + (i + 2));
                }
                i = close;
            } else if (e >= '1' && e <= '9') {
                int j = i + 1;
                if (j < n && Character.isDigit(template.charAt(j))) {
                    j++;
                }
                ref = Integer.parseInt(template.substring(i, j));
                if (ref > re.groups()) {
                    throw PyRegex.error("invalid group reference " + ref + " at position " + i);
                }
                i = j - 1;
            } else {
                lit.append(switch (e) {
                    case 'n' -> "\n";
                    case 't' -> "\t";
                    case 'r' -> "\r";
                    case 'f' -> "\f";
                    case 'v' -> "\u000b";
                    case 'a' -> "\u0007";
                    case 'b' -> "\b";
                    case '0' -> "\0";
                    case '\\' -> "\\";
                    default -> {
                        if (e < 128 && Character.isLetter(e)) {
                            throw PyRegex.error("bad escape \\" + e + " at position " + (i - 1));
                        }
                        yield "\\" + e;
                    }
                });
                continue;
            }
            if (lit.length() > 0) {
                parts.add(lit.toString());
                lit.setLength(0);
            }
            parts.add(ref);
        }
        if (lit.length() > 0) {
            parts.add(lit.toString());
        }
        return new PyReplacement(parts);
    }

    String expand(PyMatch m) {
        StringBuilder sb = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof Integer g) {
                String v = m.group((long) g);
                sb.append(v == null ? "" : v);
            } else {
                sb.append((String) p);
            }
        }
        return sb.toString();
    }
}
