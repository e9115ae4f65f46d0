package dev.sluice.core.internal.seed;

/**
 * One record of a seed file: where it starts, and its values by column index (null is SQL NULL).
 * {@code values} may be shorter than the column list (JSON rows without later keys); {@code kinds}
 * is null when every value is {@link ValueKind#CSV_TEXT}. Arrays for speed: rows are not shared.
 */
record SeedRow(int line, int column, String[] values, ValueKind[] kinds) {
    String value(int i) {
        return i < values.length ? values[i] : null;
    }

    ValueKind kind(int i) {
        return kinds == null ? ValueKind.CSV_TEXT : kinds[i];
    }
}
