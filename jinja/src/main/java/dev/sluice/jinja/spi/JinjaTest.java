package dev.sluice.jinja.spi;

/** A test, {@code {% if value is name(arguments) %}}. */
@FunctionalInterface
public interface JinjaTest {
    boolean test(CallContext context, Object value, Arguments arguments);
}
