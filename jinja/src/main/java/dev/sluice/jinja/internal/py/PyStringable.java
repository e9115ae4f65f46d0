package dev.sluice.jinja.internal.py;

/** An engine value with its own Python {@code str()} and {@code repr()} (ranges, dict views, loop objects). */
public interface PyStringable {
    String pyStr();

    default String pyRepr() {
        return pyStr();
    }
}
