package dev.sluice.jinja.spi;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateRuntimeException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Python-style parameter list used to bind {@link Arguments}: names in order, defaults for the
 * optional ones, and optionally {@code *args} and {@code **kwargs} collectors. Binding raises the
 * {@code TypeError} Python would raise for a missing, repeated or unexpected argument.
 *
 * <pre>{@code
 * static final Signature TRUNCATE = Signature.of("truncate")
 *     .required("s").optional("length", 255L).optional("killwords", false).build();
 * Object[] a = TRUNCATE.bind(args);   // a[0] = s, a[1] = length, a[2] = killwords
 * }</pre>
 */
public final class Signature {
    private final String function;
    private final String[] names;
    private final Object[] defaults;
    private final int required;
    private final boolean varargs;
    private final boolean varkw;

    private Signature(String function, String[] names, Object[] defaults, int required, boolean varargs,
            boolean varkw) {
        this.function = function;
        this.names = names;
        this.defaults = defaults;
        this.required = required;
        this.varargs = varargs;
        this.varkw = varkw;
    }

    /** Starts a signature for the function called {@code function} in error messages. */
    public static Builder of(String function) {
        return new Builder(function);
    }

    public String function() {
        return function;
    }

    public List<String> names() {
        return List.of(names);
    }

    /**
     * Binds arguments to parameters. The result has one slot per parameter, then a {@link PyTuple}
     * of extra positionals if {@code varargs}, then a {@code Map} of extra keywords if {@code varkw}.
     */
    public Object[] bind(Arguments args) {
        int n = names.length;
        Object[] out = new Object[n + (varargs ? 1 : 0) + (varkw ? 1 : 0)];
        boolean[] set = new boolean[n];
        int given = args.size();
        if (given > n && !varargs) {
            throw typeError(function + "() takes " + describeCount() + " positional argument"
                    + (n == 1 ? "" : "s") + " but " + given + (given == 1 ? " was" : " were") + " given");
        }
        int direct = Math.min(given, n);
        for (int i = 0; i < direct; i++) {
            out[i] = args.get(i);
            set[i] = true;
        }
        if (varargs) {
            Object[] extra = new Object[Math.max(0, given - n)];
            for (int i = n; i < given; i++) {
                extra[i - n] = args.get(i);
            }
            out[n] = PyTuple.wrap(extra);
        }
        Map<String, Object> extraKw = varkw ? new LinkedHashMap<>() : null;
        for (int k = 0; k < args.keywordCount(); k++) {
            String name = args.keywordName(k);
            int idx = indexOf(name);
            if (idx < 0) {
                if (extraKw == null) {
                    throw typeError(function + "() got an unexpected keyword argument '" + name + "'");
                }
                extraKw.put(name, args.keywordValue(k));
                continue;
            }
            if (set[idx]) {
                throw typeError(function + "() got multiple values for argument '" + name + "'");
            }
            out[idx] = args.keywordValue(k);
            set[idx] = true;
        }
        List<String> missing = null;
        for (int i = 0; i < n; i++) {
            if (!set[i]) {
                if (i < required) {
                    if (missing == null) {
                        missing = new ArrayList<>();
                    }
                    missing.add("'" + names[i] + "'");
                } else {
                    out[i] = defaults[i];
                }
            }
        }
        if (missing != null) {
            throw typeError(function + "() missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + String.join(" and ", missing));
        }
        if (varkw) {
            out[out.length - 1] = extraKw;
        }
        return out;
    }

    private String describeCount() {
        if (required == names.length) {
            return String.valueOf(required);
        }
        return "from " + required + " to " + names.length;
    }

    private int indexOf(String name) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }

    private static TemplateRuntimeException typeError(String message) {
        return new TemplateRuntimeException(ErrorKind.TYPE, message);
    }

    /** Builds a {@link Signature}; required parameters come before optional ones. */
    public static final class Builder {
        private final String function;
        private final List<String> names = new ArrayList<>();
        private final List<Object> defaults = new ArrayList<>();
        private int required;
        private boolean varargs;
        private boolean varkw;

        private Builder(String function) {
            this.function = Objects.requireNonNull(function, "function is null");
        }

        public Builder required(String... names) {
            for (String name : names) {
                if (this.names.size() != required) {
                    throw new IllegalStateException("required parameter '" + name + "' after an optional one");
                }
                this.names.add(name);
                this.defaults.add(null);
                required++;
            }
            return this;
        }

        /** An optional parameter; {@code defaultValue} may be null (Python's None). */
        public Builder optional(String name, Object defaultValue) {
            names.add(name);
            defaults.add(defaultValue);
            return this;
        }

        public Builder varargs() {
            varargs = true;
            return this;
        }

        public Builder varkw() {
            varkw = true;
            return this;
        }

        public Signature build() {
            return new Signature(function, names.toArray(new String[0]), defaults.toArray(), required, varargs,
                    varkw);
        }
    }
}
