package dev.sluice.jinja.spi;

/** How undefined values behave; Jinja2's {@code Undefined}, {@code StrictUndefined} and {@code ChainableUndefined}. */
public enum UndefinedPolicy {
    /** Prints as empty, iterates as empty, is false; any other use fails. Jinja2's and dbt's default. */
    DEFAULT,
    /** Any use except {@code is defined}, {@code is undefined} and the {@code default} filter fails. */
    STRICT,
    /** Like DEFAULT, but attribute and item access on an undefined value give an undefined value. */
    CHAINABLE
}
