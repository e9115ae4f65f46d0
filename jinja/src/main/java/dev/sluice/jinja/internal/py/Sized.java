package dev.sluice.jinja.internal.py;

/** An engine value with a Python {@code len()} that is not a Java collection. */
public interface Sized {
    int pyLen();
}
