package dev.sluice.jinja.internal.runtime;

/** {@code break} and {@code continue}: unwinding signals without stack traces, never errors. */
public final class ControlFlow extends RuntimeException {
    public static final ControlFlow BREAK = new ControlFlow("break");
    public static final ControlFlow CONTINUE = new ControlFlow("continue");

    private ControlFlow(String what) {
        super(what, null, false, false);
    }
}
