/**
 * Seeds: CSV, JSON and JSON Lines files loaded into tables with {@code COPY}. A first pass over
 * the file checks it and infers column types ({@link dev.sluice.core.internal.seed.TypeInference});
 * a second pass streams it into the database; the table is replaced atomically
 * ({@link dev.sluice.core.internal.seed.SeedLoader}).
 */
package dev.sluice.core.internal.seed;
