package dev.sluice.core.internal.context;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Signature;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.MatchResult;

/** Python's {@code re.Match}: groups by number or name, spans, and {@code <re.Match object; ...>} printing. */
final class PyMatch implements JinjaObject {
    private static final Signature DEFAULT = Signature.of("groups").optional("default", null).build();
    private static final Signature GROUP_ARG = Signature.of("start").optional("group", 0L).build();
    private static final Signature EXPAND = Signature.of("expand").required("template").build();

    private final PyPattern pattern;
    private final MatchResult result;
    private final String string;
    private final int pos;
    private final int endpos;

    PyMatch(PyPattern pattern, MatchResult result, String string, int pos, int endpos) {
        this.pattern = pattern;
        this.result = result;
        this.string = string;
        this.pos = pos;
        this.endpos = endpos;
    }

    /** The text of group {@code g} (a number or a name), or null when it did not take part. */
    String group(Object g) {
        return result.group(index(g));
    }

    int start(Object g) {
        return result.start(index(g));
    }

    int end(Object g) {
        return result.end(index(g));
    }

    private int index(Object g) {
        if (g instanceof String name) {
            Integer i = pattern.compiled().names().get(name);
            if (i != null) {
                return i;
            }
        } else if (PyValues.isInt(g) && !(g instanceof Boolean)) {
            long i = PyValues.toLong(g);
            if (i >= 0 && i <= pattern.compiled().groups()) {
                return (int) i;
            }
        }
        throw PyValues.indexError("no such group");
    }

    private Object groupCall(Arguments args) {
        if (args.keywordCount() > 0) {
            throw PyValues.typeError("group() takes no keyword arguments");
        }
        if (args.size() == 0) {
            return group(0L);
        }
        if (args.size() == 1) {
            return group(args.get(0));
        }
        Object[] out = new Object[args.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = group(args.get(i));
        }
        return PyTuple.wrap(out);
    }

    private PyTuple groups(Object fallback) {
        Object[] out = new Object[pattern.compiled().groups()];
        for (int i = 0; i < out.length; i++) {
            String g = result.group(i + 1);
            out[i] = g == null ? fallback : g;
        }
        return PyTuple.wrap(out);
    }

    private Map<String, Object> groupdict(Object fallback) {
        Map<String, Object> out = new LinkedHashMap<>();
        pattern.compiled().names().entrySet().stream().sorted(Map.Entry.comparingByValue()).forEach(e -> {
            String g = result.group(e.getValue());
            out.put(e.getKey(), g == null ? fallback : g);
        });
        return out;
    }

    private Object lastIndex() {
        int last = -1;
        int lastEnd = -1;
        for (int i = 1; i <= pattern.compiled().groups(); i++) {
            if (result.start(i) >= 0 && result.end(i) >= lastEnd) {
                if (result.end(i) > lastEnd || last < 0 || result.start(i) <= result.start(last)) {
                    last = i;
                    lastEnd = result.end(i);
                }
            }
        }
        return last < 0 ? null : (Object) (long) last;
    }

    @Override
    public Object attribute(String name) {
        return switch (name) {
            case "group" -> (JinjaCallable) (cc, args) -> groupCall(args);
            case "groups" -> PyValues.fn(DEFAULT, a -> groups(a[0]));
            case "groupdict" -> PyValues.fn(DEFAULT, a -> groupdict(a[0]));
            case "start" -> PyValues.fn(GROUP_ARG, a -> (long) start(a[0]));
            case "end" -> PyValues.fn(GROUP_ARG, a -> (long) end(a[0]));
            case "span" -> PyValues.fn(GROUP_ARG, a -> PyTuple.of((long) start(a[0]), (long) end(a[0])));
            case "expand" -> PyValues.fn(EXPAND, a -> PyReplacement.parse(PyValues.str(a[0]), pattern.compiled())
                    .expand(this));
            case "string" -> string;
            case "re" -> pattern;
            case "pos" -> (long) pos;
            case "endpos" -> (long) endpos;
            case "lastindex" -> lastIndex();
            case "lastgroup" -> {
                Object li = lastIndex();
                yield li == null ? null : pattern.compiled().names().entrySet().stream()
                        .filter(e -> e.getValue() == ((Long) li).intValue()).map(Map.Entry::getKey).findFirst()
                        .orElse(null);
            }
            default -> ABSENT;
        };
    }

    @Override
    public Object item(Object key) {
        return group(key);
    }

    @Override
    public String str() {
        return "<re.Match object; span=(" + result.start() + ", " + result.end() + "), match="
                + PyValues.repr(result.group()) + ">";
    }

    @Override
    public String typeName() {
        return "re.Match";
    }
}
