package dev.sluice.jinja.internal.builtins;

import dev.sluice.jinja.spi.JinjaFilter;
import dev.sluice.jinja.spi.JinjaTest;
import dev.sluice.jinja.spi.Signature;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Jinja2 3.1's builtin filters, tests and globals, as its sandboxed environment has them. */
public final class Builtins {
    private static final Signature PPRINT = Signature.of("do_pprint").required("value").build();
    private static final Map<String, JinjaFilter> FILTERS = buildFilters();
    private static final Map<String, JinjaTest> TESTS = Collections.unmodifiableMap(Tests.all());
    private static final Map<String, Object> GLOBALS = Collections.unmodifiableMap(Globals.all());

    private Builtins() {
    }

    /** Every filter of {@code jinja2.filters.FILTERS}, aliases included. */
    public static Map<String, JinjaFilter> filters() {
        return FILTERS;
    }

    /** Every test of {@code jinja2.tests.TESTS}, operator names included. */
    public static Map<String, JinjaTest> tests() {
        return TESTS;
    }

    /** {@code range} (the sandbox's), {@code dict}, {@code lipsum}, {@code cycler}, {@code joiner}, {@code namespace}. */
    public static Map<String, Object> globals() {
        return GLOBALS;
    }

    private static Map<String, JinjaFilter> buildFilters() {
        Map<String, JinjaFilter> f = new HashMap<>();
        StringFilters.register(f);
        Html.register(f);
        NumberFilters.register(f);
        SequenceFilters.register(f);
        CollectionFilters.register(f);
        FunctionalFilters.register(f);
        f.put("indent", Indent::filter);
        f.put("urlize", Urlize::filter);
        f.put("tojson", Json::filter);
        f.put("wordwrap", TextWrap::filter);
        f.put("pprint", (ctx, v, a) -> PrettyPrinter.pformat(Sig.bind(PPRINT, v, a)[0]));
        return Collections.unmodifiableMap(f);
    }
}
