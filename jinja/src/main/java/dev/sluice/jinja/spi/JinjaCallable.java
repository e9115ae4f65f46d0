package dev.sluice.jinja.spi;

/**
 * Something a template can call: a host function registered as a global, a method of a
 * {@link JinjaObject}, a macro. Null is Python's {@code None}.
 *
 * <pre>{@code
 * Environment env = Environment.builder()
 *     .global("double", (JinjaCallable) (ctx, args) -> ((Number) args.get(0)).longValue() * 2)
 *     .build();
 * }</pre>
 */
@FunctionalInterface
public interface JinjaCallable {
    Object call(CallContext context, Arguments arguments);
}
