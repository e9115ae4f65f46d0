package dev.sluice.jinja.spi;

/**
 * Thrown by a host function to end the macro call it runs in, making {@code value} that call's
 * result: dbt's {@code {{ return(x) }}}. The innermost active macro call catches it; thrown
 * outside any macro, it ends the render with an error.
 */
public final class MacroReturn extends RuntimeException {
    private final transient Object value;

    public MacroReturn(Object value) {
        super(null, null, false, false);
        this.value = value;
    }

    public Object value() {
        return value;
    }
}
