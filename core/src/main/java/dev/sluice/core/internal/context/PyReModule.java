package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** {@code modules.re}: Python's regular expressions over java.util.regex (see {@link PyRegex}). */
final class PyReModule {
    private static final Signature MATCH = Signature.of("match").required("pattern", "string").optional("flags", 0L)
            .build();
    private static final Signature SUB = Signature.of("sub").required("pattern", "repl", "string")
            .optional("count", 0L).optional("flags", 0L).build();
    private static final Signature SPLIT = Signature.of("split").required("pattern", "string")
            .optional("maxsplit", 0L).optional("flags", 0L).build();
    private static final Signature COMPILE = Signature.of("compile").required("pattern").optional("flags", 0L).build();
    private static final Signature ESCAPE = Signature.of("escape").required("pattern").build();
    private static final int CACHE_LIMIT = 512;
    private static final Map<String, PyPattern> CACHE = new ConcurrentHashMap<>();
    private static final String SPECIAL = "()[]{}?*+-|^$\\.&~# \t\n\r\u000b\f";

    private PyReModule() {
    }

    static PyModule create() {
        Map<String, Object> m = new HashMap<>();
        m.put("match", finder(PyPattern.Mode.MATCH));
        m.put("search", finder(PyPattern.Mode.SEARCH));
        m.put("fullmatch", finder(PyPattern.Mode.FULLMATCH));
        m.put("findall", PyValues.fn(MATCH, a -> {
            String s = PyValues.str(a[1]);
            return compile(a[0], a[2]).findall(s, 0, s.length());
        }));
        m.put("finditer", PyValues.fn(MATCH, a -> {
            String s = PyValues.str(a[1]);
            return new ArrayList<Object>(compile(a[0], a[2]).all(s, 0, s.length()));
        }));
        m.put("sub", (JinjaCallable) (cc, args) -> {
            Object[] a = SUB.bind(args);
            return compile(a[0], a[4]).sub(cc, a[1], PyValues.str(a[2]), PyValues.toLong(a[3])).get(0);
        });
        m.put("subn", (JinjaCallable) (cc, args) -> {
            Object[] a = SUB.bind(args);
            return compile(a[0], a[4]).sub(cc, a[1], PyValues.str(a[2]), PyValues.toLong(a[3]));
        });
        m.put("split", PyValues.fn(SPLIT, a -> compile(a[0], a[3]).split(PyValues.str(a[1]), PyValues.toLong(a[2]))));
        m.put("compile", PyValues.fn(COMPILE, a -> compile(a[0], a[1])));
        m.put("escape", PyValues.fn(ESCAPE, a -> escape(PyValues.str(a[0]))));
        m.put("purge", (JinjaCallable) (cc, args) -> {
            CACHE.clear();
            return null;
        });
        long[] values = {PyRegex.A, PyRegex.I, PyRegex.L, PyRegex.M, PyRegex.S, PyRegex.U, PyRegex.X};
        String[][] names = {{"A", "ASCII"}, {"I", "IGNORECASE"}, {"L", "LOCALE"}, {"M", "MULTILINE"},
            {"S", "DOTALL"}, {"U", "UNICODE"}, {"X", "VERBOSE"}};
        for (int i = 0; i < values.length; i++) {
            m.put(names[i][0], values[i]);
            m.put(names[i][1], values[i]);
        }
        m.put("NOFLAG", 0L);
        return new PyModule("re", m);
    }

    private static JinjaCallable finder(PyPattern.Mode mode) {
        return PyValues.fn(MATCH, a -> {
            String s = PyValues.str(a[1]);
            return compile(a[0], a[2]).find(mode, s, 0, s.length());
        });
    }

    /** A pattern from a string or an already compiled pattern, cached as Python's re module caches. */
    static PyPattern compile(Object pattern, Object flagsArg) {
        int flags = (int) PyValues.toLong(flagsArg);
        if (pattern instanceof PyPattern p) {
            if (flags != 0) {
                throw PyRegex.error("cannot process flags argument with a compiled pattern");
            }
            return p;
        }
        if (!(pattern instanceof String s)) {
            throw PyValues.typeError("first argument must be string or compiled pattern");
        }
        String key = flags + ":" + s;
        PyPattern cached = CACHE.get(key);
        if (cached != null) {
            return cached;
        }
        PyPattern compiled = new PyPattern(PyRegex.compile(s, flags));
        if (CACHE.size() >= CACHE_LIMIT) {
            CACHE.clear();
        }
        CACHE.put(key, compiled);
        return compiled;
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.toString();
    }
}
