package dev.sluice.jinja.internal.py;

import dev.sluice.jinja.spi.Arguments;
import dev.sluice.jinja.spi.CallContext;
import dev.sluice.jinja.spi.Markup;
import dev.sluice.jinja.spi.PyTuple;
import dev.sluice.jinja.spi.UndefinedPolicy;
import java.util.List;

/** Python's string formatting: printf-style {@code %}, {@code str.format} and {@code format(value, spec)}. */
public final class PyFormat {
    private PyFormat() {
    }

    /** {@code format % args}; a Markup format escapes its arguments and gives Markup. */
    public static Object percent(Object format, Object args) {
        return PercentFormat.format(format, args);
    }

    /** {@code template.format(*args, **kwargs)} with the sandbox's attribute rules. */
    public static String format(CallContext ctx, String template, Arguments args) {
        return new StrFormatter(policy(ctx), false, args.positional(), args.keywords()).format(template);
    }

    /** {@code template.format_map(mapping)} with the sandbox's attribute rules. */
    public static String formatMap(CallContext ctx, String template, Object mapping) {
        return new StrFormatter(policy(ctx), false, List.of(), mapping).format(template);
    }

    /** {@code Markup.format}: str arguments are escaped, the result is Markup. */
    public static Markup formatMarkup(CallContext ctx, Markup template, Arguments args) {
        return new Markup(new StrFormatter(policy(ctx), true, args.positional(), args.keywords())
                .format(template.toString()));
    }

    /** {@code Markup.format_map}: str values are escaped, the result is Markup. */
    public static Markup formatMapMarkup(CallContext ctx, Markup template, Object mapping) {
        return new Markup(new StrFormatter(policy(ctx), true, PyTuple.EMPTY, mapping).format(template.toString()));
    }

    /** Python's {@code format(value, spec)}. */
    public static String formatValue(Object value, String spec) {
        return FormatValue.format(value, spec);
    }

    private static UndefinedPolicy policy(CallContext ctx) {
        return ctx == null ? UndefinedPolicy.DEFAULT : ctx.environment().undefinedPolicy();
    }
}
