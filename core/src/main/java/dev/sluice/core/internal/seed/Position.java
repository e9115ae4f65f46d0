package dev.sluice.core.internal.seed;

/** A 1-based line and column in a seed file (column 0 when unknown). */
record Position(int line, int column) {
    static final Position UNKNOWN = new Position(0, 0);
}
