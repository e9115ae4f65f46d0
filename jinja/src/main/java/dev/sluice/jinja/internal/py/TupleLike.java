package dev.sluice.jinja.internal.py;

/** An engine list that is a Python tuple subclass (a named tuple such as groupby's groups): equal to tuples. */
public interface TupleLike {
}
