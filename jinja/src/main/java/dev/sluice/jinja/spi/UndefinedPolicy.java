package dev.sluice.jinja.spi;

/** How undefined values behave; Jinja2's {@code Undefined}, {@code StrictUndefined} and {@code ChainableUndefined}. */
public enum UndefinedPolicy {
    /** Prints as empty, iterates as empty, is false; any other use fails. Jinja2's and dbt's default. */
    DEFAULT,
    /** Any use except {@code is defined}, {@code is undefined} and the {@code default} filter fails. */
    STRICT,
    /** Like DEFAULT, but attribute and item access on an undefined value give an undefined value. */
    CHAINABLE,
    /**
     * Like CHAINABLE, and calling an undefined value gives it back too: dbt's parse-time undefined,
     * so a template renders to the end whatever it uses.
     */
    LENIENT;

    /** True when attribute and item access on an undefined value give the undefined value. */
    public boolean chains() {
        return this == CHAINABLE || this == LENIENT;
    }
}
