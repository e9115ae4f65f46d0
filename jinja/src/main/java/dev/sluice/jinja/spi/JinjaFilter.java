package dev.sluice.jinja.spi;

/** A filter, {@code {{ value | name(arguments) }}}. */
@FunctionalInterface
public interface JinjaFilter {
    Object apply(CallContext context, Object value, Arguments arguments);
}
