package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/** Python's {@code re.Pattern}: match, search, fullmatch, findall, finditer, sub, subn, split. */
final class PyPattern implements JinjaObject {
    private static final Signature MATCH = Signature.of("match").required("string").optional("pos", 0L)
            .optional("endpos", Long.MAX_VALUE).build();
    private static final Signature SUB = Signature.of("sub").required("repl", "string").optional("count", 0L).build();
    private static final Signature SPLIT = Signature.of("split").required("string").optional("maxsplit", 0L).build();

    enum Mode { MATCH, SEARCH, FULLMATCH }

    private final PyRegex.Compiled compiled;

    PyPattern(PyRegex.Compiled compiled) {
        this.compiled = compiled;
    }

    PyRegex.Compiled compiled() {
        return compiled;
    }

    private Matcher matcher(String s, int pos, int endpos) {
        Matcher m = compiled.java().matcher(s);
        m.useTransparentBounds(true);
        if (pos > 0 || endpos < s.length()) {
            m.region(pos, endpos);
            m.useAnchoringBounds(pos == 0);
        }
        return m;
    }

    private static int bound(Object v, int len) {
        long i = PyValues.toLong(v);
        if (i < 0) {
            i = Math.max(0, len + i);
        }
        return (int) Math.min(i, len);
    }

    PyMatch find(Mode mode, String s, int pos, int endpos) {
        endpos = Math.max(pos, endpos);
        Matcher m = matcher(s, pos, endpos);
        boolean found = switch (mode) {
            case MATCH -> m.lookingAt();
            case SEARCH -> m.find();
            case FULLMATCH -> m.matches();
        };
        return found ? new PyMatch(this, m.toMatchResult(), s, pos, endpos) : null;
    }

    List<PyMatch> all(String s, int pos, int endpos) {
        Matcher m = matcher(s, pos, Math.max(pos, endpos));
        List<PyMatch> out = new ArrayList<>();
        while (m.find()) {
            out.add(new PyMatch(this, m.toMatchResult(), s, pos, endpos));
        }
        return out;
    }

    List<Object> findall(String s, int pos, int endpos) {
        List<Object> out = new ArrayList<>();
        for (PyMatch m : all(s, pos, endpos)) {
            if (compiled.groups() == 0) {
                out.add(m.group(0L));
            } else if (compiled.groups() == 1) {
                out.add(orEmpty(m.group(1L)));
            } else {
                Object[] t = new Object[compiled.groups()];
                for (int i = 0; i < t.length; i++) {
                    t[i] = orEmpty(m.group((long) i + 1));
                }
                out.add(PyTuple.wrap(t));
            }
        }
        return out;
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** {@code sub}/{@code subn}: the new string and the number of replacements. */
    PyTuple sub(CallContext cc, Object repl, String s, long count) {
        PyReplacement template = repl instanceof String r ? PyReplacement.parse(r, compiled) : null;
        if (template == null && !(repl instanceof JinjaCallable)) {
            throw PyValues.typeError("expected str instance, " + PyValues.typeName(repl) + " found");
        }
        StringBuilder sb = new StringBuilder();
        int last = 0;
        long n = 0;
        for (PyMatch m : all(s, 0, s.length())) {
            if (count > 0 && n >= count) {
                break;
            }
            sb.append(s, last, m.start(0L));
            if (template != null) {
                sb.append(template.expand(m));
            } else {
                Object r = cc.call(repl, Arguments.of(m));
                if (!(r instanceof CharSequence)) {
                    throw PyValues.typeError("expected str instance, " + PyValues.typeName(r) + " found");
                }
                sb.append(r);
            }
            last = m.end(0L);
            n++;
        }
        sb.append(s, last, s.length());
        return PyTuple.of(sb.toString(), n);
    }

    List<Object> split(String s, long maxsplit) {
        List<Object> out = new ArrayList<>();
        int last = 0;
        long n = 0;
        for (PyMatch m : all(s, 0, s.length())) {
            if (maxsplit > 0 && n >= maxsplit) {
                break;
            }
            out.add(s.substring(last, m.start(0L)));
            for (int g = 1; g <= compiled.groups(); g++) {
                out.add(m.group((long) g));
            }
            last = m.end(0L);
            n++;
        }
        out.add(s.substring(last));
        return out;
    }

    private JinjaCallable finder(Mode mode) {
        return PyValues.fn(MATCH, a -> {
            String s = PyValues.str(a[0]);
            return find(mode, s, bound(a[1], s.length()), bound(a[2], s.length()));
        });
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "match" -> finder(Mode.MATCH);
            case "search" -> finder(Mode.SEARCH);
            case "fullmatch" -> finder(Mode.FULLMATCH);
            case "findall" -> PyValues.fn(MATCH, a -> {
                String s = PyValues.str(a[0]);
                return findall(s, bound(a[1], s.length()), bound(a[2], s.length()));
            });
            case "finditer" -> PyValues.fn(MATCH, a -> {
                String s = PyValues.str(a[0]);
                return new ArrayList<Object>(all(s, bound(a[1], s.length()), bound(a[2], s.length())));
            });
            case "sub" -> (JinjaCallable) (cc, args) -> {
                Object[] a = SUB.bind(args);
                return sub(cc, a[0], PyValues.str(a[1]), PyValues.toLong(a[2])).get(0);
            };
            case "subn" -> (JinjaCallable) (cc, args) -> {
                Object[] a = SUB.bind(args);
                return sub(cc, a[0], PyValues.str(a[1]), PyValues.toLong(a[2]));
            };
            case "split" -> PyValues.fn(SPLIT, a -> split(PyValues.str(a[0]), PyValues.toLong(a[1])));
            case "pattern" -> compiled.source();
            case "flags" -> (long) compiled.flags();
            case "groups" -> (long) compiled.groups();
            case "groupindex" -> {
                Map<String, Object> m = new LinkedHashMap<>();
                compiled.names().entrySet().stream().sorted(Map.Entry.comparingByValue())
                        .forEach(e -> m.put(e.getKey(), (long) e.getValue()));
                yield m;
            }
            default -> ABSENT;
        };
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PyPattern p && p.compiled.source().equals(compiled.source())
                && p.compiled.flags() == compiled.flags();
    }

    @Override
    public int hashCode() {
        return compiled.source().hashCode() * 31 + compiled.flags();
    }

    @Override
    public String str() {
        List<String> names = new ArrayList<>();
        int flags = compiled.flags() & ~PyRegex.U;
        String[] flagNames = {"TEMPLATE", "IGNORECASE", "LOCALE", "MULTILINE", "DOTALL", "UNICODE", "VERBOSE",
            "DEBUG", "ASCII"};
        for (int bit = 0; bit < flagNames.length; bit++) {
            if ((flags & (1 << bit)) != 0) {
                names.add("re." + flagNames[bit]);
            }
        }
        return "re.compile(" + PyValues.repr(compiled.source()) + (names.isEmpty() ? "" : ", " + String.join("|", names))
                + ")";
    }

    @Override
    public String typeName() {
        return "re.Pattern";
    }
}
