package dev.sluice.jinja.internal.tree;

import dev.sluice.jinja.internal.runtime.Frame;
import dev.sluice.jinja.internal.runtime.Macro;
import dev.sluice.jinja.internal.runtime.Out;

/** {@code {% macro %}} definitions and {@code {% call %}} blocks. */
public final class MacroStmts {
    private MacroStmts() {
    }

    /** Defines a macro in the current scope (exported at a template's top level). */
    public static final class Define extends Stmt {
        private final MacroDef def;

        public Define(MacroDef def) {
            super(def.line());
            this.def = def;
        }

        public MacroDef def() {
            return def;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            f.assign(def.name(), new Macro(def, f, def.name()));
        }
    }

    /** {@code {% call(args) m(x) %}body{% endcall %}}: calls m with the body as {@code caller}. */
    public static final class CallBlock extends Stmt {
        private final Calls.Call call;
        private final MacroDef caller;

        public CallBlock(int line, Calls.Call call, MacroDef caller) {
            super(line);
            this.call = call;
            this.caller = caller;
        }

        @Override
        public void exec(Frame f, StringBuilder out) {
            Macro callerMacro = new Macro(caller, f, "caller");
            Out.write(out, call.eval(f, "caller", callerMacro), false);
        }
    }
}
