package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyTypes;
import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.spi.Arguments;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The argument list of a call, filter or test: positional, keyword, {@code *args} and {@code **kwargs}. */
public final class CallArgs {
    public static final CallArgs NONE = new CallArgs(List.of(), List.of(), List.of(), null, null);

    private final Expr[] positional;
    private final String[] names;
    private final Expr[] keywordValues;
    private final Expr dynArgs;
    private final Expr dynKwargs;

    public CallArgs(List<Expr> positional, List<String> names, List<Expr> keywordValues, Expr dynArgs,
            Expr dynKwargs) {
        this.positional = positional.toArray(new Expr[0]);
        this.names = names.toArray(new String[0]);
        this.keywordValues = keywordValues.toArray(new Expr[0]);
        this.dynArgs = dynArgs;
        this.dynKwargs = dynKwargs;
    }

    public boolean isEmpty() {
        return positional.length == 0 && names.length == 0 && dynArgs == null && dynKwargs == null;
    }

    /** True when every argument is foldable (see {@link Expr#foldable()}). */
    public boolean foldable() {
        return dynArgs == null && dynKwargs == null && Expr.allFoldable(positional) && Expr.allFoldable(keywordValues);
    }

    /** The positional argument expressions (for constant checks). */
    public Expr[] positional() {
        return positional;
    }

    public Arguments eval(Frame f) {
        return eval(f, null, null);
    }

    /** Evaluates the arguments, adding one extra keyword (the {@code caller} of a call block) when given. */
    public Arguments eval(Frame f, String extraName, Object extraValue) {
        if (dynArgs == null && dynKwargs == null && extraName == null) {
            Object[] p = new Object[positional.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = positional[i].eval(f);
            }
            Object[] kv = new Object[keywordValues.length];
            for (int i = 0; i < kv.length; i++) {
                kv[i] = keywordValues[i].eval(f);
            }
            return Arguments.wrap(p, names, kv);
        }
        List<Object> p = new ArrayList<>(positional.length + 4);
        for (Expr e : positional) {
            p.add(e.eval(f));
        }
        List<String> n = new ArrayList<>(names.length + 2);
        List<Object> v = new ArrayList<>(names.length + 2);
        for (int i = 0; i < names.length; i++) {
            n.add(names[i]);
            v.add(keywordValues[i].eval(f));
        }
        if (dynArgs != null) {
            Object extra = dynArgs.eval(f);
            Iterator<Object> it;
            try {
                it = PyOps.iterate(extra);
            } catch (RuntimeException e) {
                throw PyErrors.type("argument after * must be an iterable, not " + PyTypes.typeName(extra));
            }
            while (it.hasNext()) {
                p.add(it.next());
            }
        }
        if (dynKwargs != null) {
            Object extra = dynKwargs.eval(f);
            if (!(extra instanceof Map<?, ?> m)) {
                throw PyErrors.type("argument after ** must be a mapping, not " + PyTypes.typeName(extra));
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!(e.getKey() instanceof String key)) {
                    throw PyErrors.type("keywords must be strings");
                }
                addKeyword(n, v, key, e.getValue());
            }
        }
        if (extraName != null) {
            addKeyword(n, v, extraName, extraValue);
        }
        return Arguments.wrap(p.toArray(), n.toArray(new String[0]), v.toArray());
    }

    private static void addKeyword(List<String> names, List<Object> values, String name, Object value) {
        if (names.contains(name)) {
            throw PyErrors.type("got multiple values for keyword argument '" + name + "'");
        }
        names.add(name);
        values.add(value);
    }
}
