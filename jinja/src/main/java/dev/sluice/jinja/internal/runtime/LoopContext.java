package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyOps;
import dev.sluice.jinja.internal.py.PyTyped;
import dev.sluice.jinja.internal.py.Sized;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.List;

/** The {@code loop} variable of a for loop: position, neighbours, cycle(), changed(), recursion. */
public final class LoopContext implements JinjaObject, JinjaCallable, PyTyped, Sized {
    /** Renders the loop body over another iterable one level deeper (recursive loops). */
    public interface Recursion {
        Object render(Object items, int depth0);
    }

    private final List<Object> items;
    private final int depth0;
    private final UndefinedPolicy policy;
    private final Recursion recursion;
    private int index0 = -1;
    private Object lastChanged = NONE;

    private static final Object NONE = new Object();

    public LoopContext(List<Object> items, int depth0, UndefinedPolicy policy, Recursion recursion) {
        this.items = items;
        this.depth0 = depth0;
        this.policy = policy;
        this.recursion = recursion;
    }

    public void advance(int index) {
        this.index0 = index;
    }

    private final JinjaCallable cycle = (ctx, args) -> {
        if (args.size() == 0) {
            throw PyErrors.type("no items for cycling given");
        }
        return args.get(index0 % args.size());
    };

    private final JinjaCallable changed = (ctx, args) -> {
        PyTuple value = PyTuple.copyOf(args.positional());
        if (lastChanged == NONE || !PyOps.eq(lastChanged, value)) {
            lastChanged = value;
            return Boolean.TRUE;
        }
        return Boolean.FALSE;
    };

    @Override
    public Object attribute(String name) {
        int length = items.size();
        return switch (name) {
            case "index" -> (long) index0 + 1;
            case "index0" -> (long) index0;
            case "revindex" -> (long) (length - index0);
            case "revindex0" -> (long) (length - index0 - 1);
            case "first" -> index0 == 0;
            case "last" -> index0 == length - 1;
            case "length" -> (long) length;
            case "depth" -> (long) depth0 + 1;
            case "depth0" -> (long) depth0;
            case "previtem" -> index0 > 0 ? items.get(index0 - 1) : Undefined.hint(policy, "there is no previous item");
            case "nextitem" -> index0 + 1 < length ? items.get(index0 + 1)
                    : Undefined.hint(policy, "there is no next item");
            case "cycle" -> cycle;
            case "changed" -> changed;
            default -> ABSENT;
        };
    }

    @Override
    public Object call(CallContext context, Arguments arguments) {
        if (recursion == null) {
            throw PyErrors.type("The loop must have the 'recursive' marker to be called recursively.");
        }
        if (arguments.size() != 1 || arguments.keywordCount() != 0) {
            throw PyErrors.type("LoopContext.__call__() takes 2 positional arguments but "
                    + (arguments.size() + 1) + " were given");
        }
        return recursion.render(arguments.get(0), depth0 + 1);
    }

    @Override
    public int pyLen() {
        return items.size();
    }

    @Override
    public String pyTypeName() {
        return "LoopContext";
    }

    @Override
    public String pyModule() {
        return "jinja2.runtime";
    }

    @Override
    public String typeName() {
        return "LoopContext";
    }

    @Override
    public String str() {
        return "<LoopContext " + (index0 + 1) + "/" + items.size() + ">";
    }


    @Override
    public String repr() {
        return str();
    }
}
