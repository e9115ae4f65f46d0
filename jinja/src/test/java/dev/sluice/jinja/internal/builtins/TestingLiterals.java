package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyRange;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Python literals the builtin test cases are written in: None, True, False, ints,
 * floats, 'strings', lists, (tuples,), {dicts}, plus {@code markup('x')} for Markup,
 * {@code undefined} for an undefined value and {@code range(a, b)} for a range.
 */
final class TestingLiterals {
    private final String text;
    private final UndefinedPolicy policy;
    private int pos;

    private TestingLiterals(String text, UndefinedPolicy policy) {
        this.text = text;
        this.policy = policy;
    }

    static Object value(String text, UndefinedPolicy policy) {
        TestingLiterals p = new TestingLiterals(text, policy);
        Object v = p.parse();
        p.end();
        return v;
    }

    /** A call's arguments, {@code 1, 'a', key=True}. */
    static Arguments arguments(String text, UndefinedPolicy policy) {
        TestingLiterals p = new TestingLiterals(text, policy);
        List<Object> positional = new ArrayList<>();
        Map<String, Object> keywords = new LinkedHashMap<>();
        p.skip();
        while (p.pos < p.text.length()) {
            int mark = p.pos;
            String name = p.identifier();
            p.skip();
            if (name != null && p.peek() == '=') {
                p.pos++;
                keywords.put(name, p.parse());
            } else {
                p.pos = mark;
                positional.add(p.parse());
            }
            p.skip();
            if (p.pos < p.text.length()) {
                p.expect(',');
                p.skip();
            }
        }
        return Arguments.of(positional, keywords);
    }

    private void end() {
        skip();
        if (pos != text.length()) {
            throw new IllegalArgumentException("trailing text in " + text + " at " + pos);
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skip() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private void expect(char c) {
        skip();
        if (peek() != c) {
            throw new IllegalArgumentException("expected " + c + " in " + text + " at " + pos);
        }
        pos++;
    }

    private String identifier() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start || Character.isDigit(text.charAt(start))) {
            pos = start;
            return null;
        }
        return text.substring(start, pos);
    }

    private Object parse() {
        skip();
        char c = peek();
        switch (c) {
            case '\'', '"':
                return string();
            case '[':
                pos++;
                return new ArrayList<>(items(']'));
            case '(': {
                pos++;
                int before = pos;
                List<Object> items = items(')');
                boolean trailingComma = text.substring(before, pos - 1).trim().endsWith(",");
                if (items.size() == 1 && !trailingComma) {
                    return items.get(0);
                }
                return PyTuple.copyOf(items);
            }
            case '{':
                pos++;
                return dict();
            default:
                break;
        }
        String name = identifier();
        if (name != null) {
            return named(name);
        }
        return number();
    }

    private Object named(String name) {
        switch (name) {
            case "None", "none":
                return null;
            case "True", "true":
                return true;
            case "False", "false":
                return false;
            case "undefined":
                return Undefined.name(policy, "missing");
            case "markup": {
                expect('(');
                Object s = parse();
                expect(')');
                return new Markup((String) s);
            }
            case "range": {
                expect('(');
                List<Object> a = items(')');
                long start = a.size() == 1 ? 0 : (Long) a.get(0);
                long stop = (Long) a.get(a.size() == 1 ? 0 : 1);
                long step = a.size() == 3 ? (Long) a.get(2) : 1;
                return new PyRange(start, stop, step);
            }
            default:
                throw new IllegalArgumentException("unknown name " + name + " in " + text);
        }
    }

    private List<Object> items(char close) {
        List<Object> out = new ArrayList<>();
        skip();
        while (peek() != close) {
            out.add(parse());
            skip();
            if (peek() == ',') {
                pos++;
                skip();
            }
        }
        pos++;
        return out;
    }

    private Map<Object, Object> dict() {
        Map<Object, Object> m = new LinkedHashMap<>();
        skip();
        while (peek() != '}') {
            Object k = parse();
            expect(':');
            m.put(k, parse());
            skip();
            if (peek() == ',') {
                pos++;
                skip();
            }
        }
        pos++;
        return m;
    }

    private Object number() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        while (pos < text.length() && "0123456789.eE_+-".indexOf(text.charAt(pos)) >= 0) {
            if ((text.charAt(pos) == '+' || text.charAt(pos) == '-')
                    && Character.toLowerCase(text.charAt(pos - 1)) != 'e') {
                break;
            }
            pos++;
        }
        String n = text.substring(start, pos).replace("_", "");
        if (n.isEmpty() || n.equals("-")) {
            throw new IllegalArgumentException("cannot read " + text + " at " + start);
        }
        if (n.contains(".") || n.contains("e") || n.contains("E")) {
            return Double.parseDouble(n);
        }
        BigInteger b = new BigInteger(n);
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (text.charAt(pos) != quote) {
            char c = text.charAt(pos++);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> sb.append('\n');
                case 't' -> sb.append('\t');
                case 'r' -> sb.append('\r');
                case 'b' -> sb.append('\b');
                case 'f' -> sb.append('\f');
                case '0' -> sb.append('\0');
                case 'x' -> {
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 2), 16));
                    pos += 2;
                }
                case 'u' -> {
                    sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                }
                case 'U' -> {
                    sb.appendCodePoint(Integer.parseInt(text.substring(pos, pos + 8), 16));
                    pos += 8;
                }
                default -> sb.append(e);
            }
        }
        pos++;
        return sb.toString();
    }
}
