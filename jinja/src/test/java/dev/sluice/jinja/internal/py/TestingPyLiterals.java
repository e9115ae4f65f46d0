package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the Python reprs the case files were generated from: str (with Python's escapes), int,
 * float (and inf, nan), bytes, None, True, False, list, tuple, dict, set, Markup('...'), Decimal('...'),
 * range(a, b[, c]). Values come out as the engine represents them.
 */
final class TestingPyLiterals {
    private final String s;
    private int pos;

    private TestingPyLiterals(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        TestingPyLiterals p = new TestingPyLiterals(text);
        Object v = p.value();
        p.skipSpaces();
        if (p.pos != text.length()) {
            throw new IllegalArgumentException("trailing text at " + p.pos + ": " + text);
        }
        return v;
    }

    private Object value() {
        skipSpaces();
        char c = s.charAt(pos);
        switch (c) {
            case '\'', '"':
                return string();
            case '[':
                pos++;
                return new ArrayList<>(items(']'));
            case '(': {
                pos++;
                return PyTuple.copyOf(items(')'));
            }
            case '{':
                return braces();
            default:
                break;
        }
        if (c == '-' || c == '+' || Character.isDigit(c) || c == '.') {
            return number();
        }
        if (c == 'b' && (s.charAt(pos + 1) == '\'' || s.charAt(pos + 1) == '"')) {
            pos++;
            String latin = string();
            byte[] bytes = new byte[latin.length()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) latin.charAt(i);
            }
            return TestingBytes.of(bytes);
        }
        String word = word();
        switch (word) {
            case "None":
                return null;
            case "True":
                return true;
            case "False":
                return false;
            case "inf":
                return Double.POSITIVE_INFINITY;
            case "nan":
                return Double.NaN;
            case "Markup":
                return new Markup((String) single());
            case "Decimal":
                return new BigDecimal((String) single());
            case "set":
                expect('(');
                expect(')');
                return new LinkedHashSet<>();
            case "range": {
                expect('(');
                List<Object> a = items(')');
                long start = a.size() > 1 ? (Long) a.get(0) : 0;
                long stop = (Long) a.get(a.size() > 1 ? 1 : 0);
                long step = a.size() > 2 ? (Long) a.get(2) : 1;
                return new PyRange(start, stop, step);
            }
            default:
                throw new IllegalArgumentException("unknown word '" + word + "' in " + s);
        }
    }

    private Object single() {
        expect('(');
        Object v = value();
        expect(')');
        return v;
    }

    private Object braces() {
        pos++;
        skipSpaces();
        if (s.charAt(pos) == '}') {
            pos++;
            return new LinkedHashMap<>();
        }
        Object first = value();
        skipSpaces();
        if (s.charAt(pos) == ':') {
            Map<Object, Object> m = new LinkedHashMap<>();
            pos++;
            m.put(first, value());
            while (comma('}')) {
                Object k = value();
                expect(':');
                m.put(k, value());
            }
            return m;
        }
        Set<Object> set = new LinkedHashSet<>();
        set.add(first);
        while (comma('}')) {
            set.add(value());
        }
        return set;
    }

    private List<Object> items(char close) {
        List<Object> out = new ArrayList<>();
        skipSpaces();
        if (s.charAt(pos) == close) {
            pos++;
            return out;
        }
        out.add(value());
        while (comma(close)) {
            out.add(value());
        }
        return out;
    }

    /** After an item: true when another follows, false (and consumed) at the closing bracket. */
    private boolean comma(char close) {
        skipSpaces();
        char c = s.charAt(pos++);
        if (c == close) {
            return false;
        }
        if (c != ',') {
            throw new IllegalArgumentException("expected ',' at " + (pos - 1) + " in " + s);
        }
        skipSpaces();
        if (s.charAt(pos) == close) {
            pos++;
            return false;
        }
        return true;
    }

    private Object number() {
        int start = pos;
        if (s.charAt(pos) == '-' || s.charAt(pos) == '+') {
            pos++;
        }
        if (s.startsWith("inf", pos)) {
            pos += 3;
            return s.charAt(start) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        while (pos < s.length() && "0123456789.eE+-_".indexOf(s.charAt(pos)) >= 0) {
            if ((s.charAt(pos) == '+' || s.charAt(pos) == '-') && "eE".indexOf(s.charAt(pos - 1)) < 0) {
                break;
            }
            pos++;
        }
        String t = s.substring(start, pos).replace("_", "");
        if (t.contains(".") || t.contains("e") || t.contains("E")) {
            return Double.parseDouble(t);
        }
        BigInteger b = new BigInteger(t);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private String word() {
        int start = pos;
        while (pos < s.length() && Character.isLetter(s.charAt(pos))) {
            pos++;
        }
        return s.substring(start, pos);
    }

    private String string() {
        char quote = s.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (true) {
            char c = s.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = s.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'x' -> sb.appendCodePoint(hex(2));
                case 'u' -> sb.appendCodePoint(hex(4));
                case 'U' -> sb.appendCodePoint(hex(8));
                default -> sb.append(e);
            }
        }
    }

    private int hex(int n) {
        int v = Integer.parseInt(s.substring(pos, pos + n), 16);
        pos += n;
        return v;
    }

    private void expect(char c) {
        skipSpaces();
        if (s.charAt(pos) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " in " + s);
        }
        pos++;
    }

    private void skipSpaces() {
        while (pos < s.length() && s.charAt(pos) == ' ') {
            pos++;
        }
    }
}
