package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.Signature;

/**
 * Binds a filter's or test's call as CPython binds the Python function behind it, so that wrong
 * calls raise the same TypeError. Jinja passes the environment or context as a first positional
 * argument to some of them; those signatures start with a placeholder parameter for it.
 */
final class Sig {
    /** Stands for the environment, context or eval context Jinja passes first. */
    static final Object PASSED = new Object();

    private Sig() {
    }

    /** Binds {@code value} and {@code args} to {@code sig}; slot 0 is the value. */
    static Object[] bind(Signature sig, Object value, Arguments args) {
        return bindAll(sig, args.prepend(value));
    }

    /** Binds to a signature whose first parameter is the passed environment; slot 1 is the value. */
    static Object[] bindPassed(Signature sig, Object value, Arguments args) {
        return bindAll(sig, args.prepend(value).prepend(PASSED));
    }

    /** CPython reports keyword problems before too many positional arguments: bind those first. */
    private static Object[] bindAll(Signature sig, Arguments all) {
        int n = sig.names().size();
        if (all.size() > n && all.keywordCount() > 0) {
            sig.bind(Arguments.of(all.positional().subList(0, n), all.keywords()));
        }
        return sig.bind(all);
    }

    /**
     * Checks a call of a C builtin that takes exactly one argument (the value), such as {@code len}:
     * {@code len() takes exactly one argument (2 given)}.
     */
    static void exactlyOne(String name, Arguments args) {
        if (args.keywordCount() > 0) {
            throw PyErrors.type(name + "() takes no keyword arguments");
        }
        if (args.size() > 0) {
            throw PyErrors.type(name + "() takes exactly one argument (" + (args.size() + 1) + " given)");
        }
    }

    /** Checks a call of an {@code operator} function taking two positional arguments. */
    static Object operatorArgument(String name, Arguments args) {
        if (args.keywordCount() > 0) {
            throw PyErrors.type("_operator." + name + "() takes no keyword arguments");
        }
        if (args.size() != 1) {
            throw PyErrors.type(name + " expected 2 arguments, got " + (args.size() + 1));
        }
        return args.get(0);
    }
}
