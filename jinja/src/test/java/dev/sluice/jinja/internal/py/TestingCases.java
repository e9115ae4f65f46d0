package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.TestingCallContext;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.PyTuple;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Case files generated with CPython 3.11 (Jinja2 3.1.2's sandbox, markupsafe 2.1.2): one case a line,
 * tab-separated Python reprs, the last column the outcome, {@code => repr(result)} or
 * {@code !! ExceptionName: message}.
 */
final class TestingCases {
    private TestingCases() {
    }

    /** The lines of a case file, each split at tabs. */
    static List<String[]> load(String resource) {
        List<String[]> out = new ArrayList<>();
        try (InputStream in = TestingCases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    out.add(line.split("\t", -1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Undoes the escaping of tabs, newlines and backslashes in the outcome column. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char e = s.charAt(++i);
                sb.append(switch (e) {
                    case 't' -> '\t';
                    case 'n' -> '\n';
                    case 'r' -> '\r';
                    default -> e;
                });
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * Runs a method case ({@code receiver, method, args tuple, kwargs dict, outcome}) through
     * {@link PyMethods#call}, or through {@link PyMethods#bind} when {@code viaBind}; appends
     * {@code | repr(receiver)} for mutable receivers, as the generator did.
     */
    static String runMethod(String[] f, boolean viaBind) {
        return runMethod(f, viaBind, false);
    }

    /** As {@link #runMethod(String[], boolean)}; {@code setCases} shows sets sorted and always the receiver. */
    static String runMethod(String[] f, boolean viaBind, boolean setCases) {
        Object receiver = TestingPyLiterals.parse(f[0]);
        String method = f[1];
        PyTuple positional = (PyTuple) TestingPyLiterals.parse(f[2]);
        @SuppressWarnings("unchecked")
        Map<String, Object> keywords = (Map<String, Object>) TestingPyLiterals.parse(f[3]);
        Arguments args = Arguments.of(positional, keywords);
        CallContext ctx = TestingCallContext.standard();
        Function<Object, String> repr = setCases ? TestingCases::sortedRepr : PyRepr::repr;
        String out = outcome(repr, () -> {
            if (viaBind) {
                JinjaCallable bound = PyMethods.bind(receiver, method);
                if (bound == null) {
                    throw new AssertionError("no method " + method);
                }
                return bound.call(ctx, args);
            }
            Object r = PyMethods.call(ctx, receiver, method, args);
            if (r == PyMethods.NO_METHOD) {
                throw new AssertionError("no method " + method);
            }
            return r;
        });
        boolean mutable = receiver instanceof Map || receiver instanceof Set
                || (receiver instanceof List && !(receiver instanceof PyTuple) && !(receiver instanceof PyTyped));
        return mutable || setCases ? out + " | " + repr.apply(receiver) : out;
    }

    /** The label JUnit shows for a method case. */
    static String label(String[] f) {
        return f[0] + "." + f[1] + f[2] + (f[3].equals("{}") ? "" : " **" + f[3]);
    }

    /** {@code => repr(result)}, or {@code !! PythonName: reason} when it raises. */
    static String outcome(Supplier<Object> action) {
        return outcome(PyRepr::repr, action);
    }

    static String outcome(Function<Object, String> repr, Supplier<Object> action) {
        try {
            return "=> " + repr.apply(action.get());
        } catch (TemplateRuntimeException e) {
            return "!! " + e.kind().pythonName() + ": " + e.reason();
        }
    }

    /** repr, with a set's items sorted (the case files were written that way, free of hash order). */
    static String sortedRepr(Object v) {
        if (v instanceof Set<?> set) {
            if (set.isEmpty()) {
                return "set()";
            }
            List<Object> items = new ArrayList<>(set);
            items.sort((x, y) -> PyOps.compare(x, y, "<"));
            String r = PyRepr.repr(items);
            return "{" + r.substring(1, r.length() - 1) + "}";
        }
        return PyRepr.repr(v);
    }
}
