package dev.sluice.jinja.internal.runtime;

import dev.sluice.jinja.ErrorKind;
import dev.sluice.jinja.TemplateException;
import dev.sluice.jinja.TemplateRuntimeException;
import dev.sluice.jinja.internal.py.PyErrors;
import dev.sluice.jinja.internal.py.PyRepr;
import dev.sluice.jinja.internal.py.PyTyped;
import dev.sluice.jinja.internal.tree.Expr;
import dev.sluice.jinja.internal.tree.MacroDef;
import dev.sluice.jinja.internal.tree.Stmts;
import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.JinjaCallable;
import dev.sluice.jinja.spi.JinjaObject;
import dev.sluice.jinja.spi.MacroReturn;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.Undefined;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A macro bound to the scope it was defined in. Calling it binds arguments exactly as Jinja2's
 * {@code Macro.__call__} does, renders the body in a new scope and returns the text (Markup when
 * the caller autoescapes), or the value a host function returned with {@link MacroReturn}.
 */
public final class Macro implements JinjaCallable, JinjaObject, PyTyped {
    private final MacroDef def;
    private final Frame closure;
    private final String name;

    /** @param name the macro's name, or null for a call block's {@code caller} */
    public Macro(MacroDef def, Frame closure, String name) {
        this.def = def;
        this.closure = closure;
        this.name = name;
    }

    public String name() {
        return name;
    }

    @Override
    public Object call(CallContext cc, Arguments args) {
        boolean autoescape = cc instanceof Frame fr ? fr.autoescape() : closure.state.env.autoescape();
        int callLine = cc.line();
        String callTemplate = cc.templateName();
        Frame frame = closure.child();
        bind(frame, args);
        RenderState state = closure.state;
        if (++state.depth > RenderState.MAX_DEPTH) {
            state.depth--;
            throw new TemplateRuntimeException(ErrorKind.RECURSION,
                    "maximum recursion depth exceeded while calling macro " + PyRepr.repr(name));
        }
        StringBuilder out = new StringBuilder();
        try {
            Stmts.exec(def.body(), frame, out);
        } catch (MacroReturn r) {
            return r.value();
        } catch (TemplateException e) {
            String where = callTemplate == null ? "<template>" : callTemplate;
            e.addMacroFrame("macro " + PyRepr.repr(name) + " called at " + where + ":" + callLine);
            throw e;
        } finally {
            state.depth--;
        }
        return Out.result(out, autoescape);
    }

    private void bind(Frame frame, Arguments args) {
        List<String> params = def.params();
        int n = params.size();
        int given = args.size();
        Object[] values = new Object[n];
        boolean[] present = new boolean[n];
        int direct = Math.min(given, n);
        for (int i = 0; i < direct; i++) {
            values[i] = args.get(i);
            present[i] = true;
        }
        Map<String, Object> kwargs = args.keywordCount() == 0 ? new LinkedHashMap<>() : args.keywords();
        boolean foundCaller;
        if (direct != n) {
            foundCaller = false;
            for (int i = direct; i < n; i++) {
                String p = params.get(i);
                if (kwargs.containsKey(p)) {
                    values[i] = kwargs.remove(p);
                    present[i] = true;
                }
                if (p.equals("caller")) {
                    foundCaller = true;
                }
            }
        } else {
            foundCaller = def.explicitCaller();
        }
        Object caller = null;
        boolean bindCaller = def.usesCaller() && !foundCaller;
        if (bindCaller) {
            caller = kwargs.remove("caller");
            if (caller == null) {
                caller = Undefined.hint(frame.policy(), "No caller defined");
            }
        }
        if (!def.catchKwargs() && !kwargs.isEmpty()) {
            if (kwargs.containsKey("caller")) {
                throw PyErrors.type("macro " + PyRepr.repr(name) + " was invoked with two values for the special"
                        + " caller argument. This is most likely a bug.");
            }
            throw PyErrors.type("macro " + PyRepr.repr(name) + " takes no keyword argument "
                    + PyRepr.repr(kwargs.keySet().iterator().next()));
        }
        if (!def.catchVarargs() && given > n) {
            throw PyErrors.type("macro " + PyRepr.repr(name) + " takes not more than " + n + " argument(s)");
        }
        for (int i = 0; i < n; i++) {
            if (present[i]) {
                frame.bind(params.get(i), values[i]);
            }
        }
        for (int i = 0; i < n; i++) {
            if (!present[i]) {
                Expr d = def.defaultFor(i);
                Object v;
                if (d == null) {
                    v = Undefined.hint(frame.policy(), "parameter " + PyRepr.repr(params.get(i)) + " was not provided");
                } else {
                    try {
                        v = d.eval(frame);
                    } catch (RuntimeException e) {
                        // Jinja2 reports a failing default at the macro's definition line
                        throw Errors.locate(frame, def.line(), e);
                    }
                }
                frame.bind(params.get(i), v);
            }
        }
        if (bindCaller) {
            frame.bind("caller", caller);
        }
        if (def.catchKwargs()) {
            frame.bind("kwargs", kwargs);
        }
        if (def.catchVarargs()) {
            List<Object> extra = new ArrayList<>();
            for (int i = n; i < given; i++) {
                extra.add(args.get(i));
            }
            frame.bind("varargs", PyTuple.copyOf(extra));
        }
    }

    @Override
    public Object attribute(String attr) {
        return switch (attr) {
            case "name" -> name;
            case "arguments" -> PyTuple.copyOf(def.params());
            case "catch_kwargs" -> def.catchKwargs();
            case "catch_varargs" -> def.catchVarargs();
            case "caller" -> def.usesCaller();
            default -> ABSENT;
        };
    }

    @Override
    public String pyTypeName() {
        return "Macro";
    }

    @Override
    public String pyModule() {
        return "jinja2.runtime";
    }

    @Override
    public String typeName() {
        return "Macro";
    }

    @Override
    public String str() {
        return "<Macro " + (name == null ? "anonymous" : PyRepr.repr(name)) + ">";
    }


    @Override
    public String repr() {
        return str();
    }
}
