package dev.sluice.core.internal.seed;

/** What a reader knows about a value before inference. */
enum ValueKind {
    /** A CSV field: any type may be inferred from its text. */
    CSV_TEXT,
    /** A JSON string: text, or a date or timestamp (JSON has no such types). */
    JSON_STRING,
    /** A JSON number without fraction or exponent. */
    JSON_INTEGER,
    /** A JSON number with a fraction or exponent. */
    JSON_DECIMAL,
    JSON_BOOLEAN,
    /** A JSON object or array, as compact JSON text. */
    JSON_NESTED
}
