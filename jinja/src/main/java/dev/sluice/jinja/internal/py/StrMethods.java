package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.UnaryOperator;

/** The methods of Python's {@code str}, as CPython 3.11 defines them (translate and maketrans are left out). */
final class StrMethods {
    static final Map<String, PyMethod> TABLE = build();

    private StrMethods() {
    }

    private static Map<String, PyMethod> build() {
        Map<String, PyMethod> m = new HashMap<>(64);
        caseMethod(m, "lower", StrCase::lower);
        caseMethod(m, "upper", StrCase::upper);
        caseMethod(m, "casefold", StrCase::casefold);
        caseMethod(m, "capitalize", StrCase::capitalize);
        caseMethod(m, "title", StrCase::title);
        caseMethod(m, "swapcase", StrCase::swapcase);

        predicate(m, "isalnum", PyUnicode::isAlnum);
        predicate(m, "isalpha", PyUnicode::isAlpha);
        predicate(m, "isdecimal", PyUnicode::isDecimal);
        predicate(m, "isdigit", PyUnicode::isDigit);
        predicate(m, "isnumeric", PyUnicode::isNumeric);
        predicate(m, "isspace", PyUnicode::isSpace);
        test(m, "isascii", StrCase::isAsciiOnly);
        test(m, "isprintable", StrCase::isPrintable);
        test(m, "islower", StrCase::isLowerCase);
        test(m, "isupper", StrCase::isUpperCase);
        test(m, "istitle", StrCase::isTitleCase);
        test(m, "isidentifier", StrCase::isIdentifier);

        m.put("find", (ctx, self, a) -> StrSearch.find(s(self), a, "str.find", true, false));
        m.put("rfind", (ctx, self, a) -> StrSearch.find(s(self), a, "str.rfind", false, false));
        m.put("index", (ctx, self, a) -> StrSearch.find(s(self), a, "str.index", true, true));
        m.put("rindex", (ctx, self, a) -> StrSearch.find(s(self), a, "str.rindex", false, true));
        m.put("count", (ctx, self, a) -> StrSearch.count(s(self), a));
        m.put("startswith", (ctx, self, a) -> StrSearch.tailMatch(s(self), a, "startswith", false));
        m.put("endswith", (ctx, self, a) -> StrSearch.tailMatch(s(self), a, "endswith", true));
        m.put("replace", (ctx, self, a) -> StrSearch.replace(s(self), a));

        m.put("split", (ctx, self, a) -> StrSplit.split(s(self), a, false));
        m.put("rsplit", (ctx, self, a) -> StrSplit.split(s(self), a, true));
        m.put("splitlines", (ctx, self, a) -> StrSplit.splitlines(s(self), a));
        m.put("partition", (ctx, self, a) -> StrSplit.partition(s(self), MethodArgs.one(a, "str.partition"), false));
        m.put("rpartition", (ctx, self, a) -> StrSplit.partition(s(self), MethodArgs.one(a, "str.rpartition"), true));
        m.put("strip", (ctx, self, a) -> StrSplit.strip(s(self), a, "strip", true, true));
        m.put("lstrip", (ctx, self, a) -> StrSplit.strip(s(self), a, "lstrip", true, false));
        m.put("rstrip", (ctx, self, a) -> StrSplit.strip(s(self), a, "rstrip", false, true));

        m.put("center", (ctx, self, a) -> StrPad.justify(s(self), a, "center", '^'));
        m.put("ljust", (ctx, self, a) -> StrPad.justify(s(self), a, "ljust", '<'));
        m.put("rjust", (ctx, self, a) -> StrPad.justify(s(self), a, "rjust", '>'));
        m.put("zfill", (ctx, self, a) -> StrPad.zfill(s(self), MethodArgs.one(a, "str.zfill")));
        m.put("expandtabs", (ctx, self, a) -> StrPad.expandtabs(s(self), a));

        m.put("join", (ctx, self, a) -> join(s(self), MethodArgs.one(a, "str.join")));
        m.put("removeprefix", (ctx, self, a) -> removeAffix(s(self), MethodArgs.one(a, "str.removeprefix"), true));
        m.put("removesuffix", (ctx, self, a) -> removeAffix(s(self), MethodArgs.one(a, "str.removesuffix"), false));
        m.put("encode", (ctx, self, a) -> Codecs.encode(s(self), a));
        m.put("format", (ctx, self, a) -> PyFormat.format(ctx, s(self), a));
        m.put("format_map", (ctx, self, a) -> PyFormat.formatMap(ctx, s(self), formatMapArgument(a)));
        return Map.copyOf(m);
    }

    static String s(Object self) {
        return self instanceof String str ? str : self.toString();
    }

    private static void caseMethod(Map<String, PyMethod> m, String name, UnaryOperator<String> op) {
        String qualname = "str." + name;
        m.put(name, (ctx, self, a) -> {
            MethodArgs.none(a, qualname);
            return op.apply(s(self));
        });
    }

    private static void predicate(Map<String, PyMethod> m, String name, IntPredicate p) {
        String qualname = "str." + name;
        m.put(name, (ctx, self, a) -> {
            MethodArgs.none(a, qualname);
            return StrCase.all(s(self), p);
        });
    }

    private interface StringTest {
        boolean test(String s);
    }

    private static void test(Map<String, PyMethod> m, String name, StringTest t) {
        String qualname = "str." + name;
        m.put(name, (ctx, self, a) -> {
            MethodArgs.none(a, qualname);
            return t.test(s(self));
        });
    }

    static String join(String sep, Object iterable) {
        if (!PyOps.isIterable(iterable)) {
            throw PyErrors.type("can only join an iterable");
        }
        StringBuilder sb = new StringBuilder();
        Iterator<Object> it = PyOps.iterate(iterable);
        for (int i = 0; it.hasNext(); i++) {
            Object item = it.next();
            if (!PyTypes.isString(item)) {
                throw PyErrors.type("sequence item " + i + ": expected str instance, " + MethodArgs.tpName(item)
                        + " found");
            }
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(item);
        }
        return sb.toString();
    }

    private static String removeAffix(String s, Object affixArg, boolean prefix) {
        String name = prefix ? "removeprefix" : "removesuffix";
        String affix = MethodArgs.str(affixArg, name + "() argument must be str, not " + MethodArgs.tpName(affixArg));
        if (prefix && s.startsWith(affix)) {
            return s.substring(affix.length());
        }
        if (!prefix && s.endsWith(affix)) {
            return s.substring(0, s.length() - affix.length());
        }
        return s;
    }

    /** The sandbox's {@code format_map} wrapper checks its arguments itself, with its own wording. */
    static Object formatMapArgument(Arguments a) {
        if (a.keywordCount() > 0) {
            throw PyErrors.type("format_map() takes no keyword arguments");
        }
        if (a.size() != 1) {
            throw PyErrors.type("format_map() takes exactly one argument (" + a.size() + " given)");
        }
        return a.get(0);
    }
}
