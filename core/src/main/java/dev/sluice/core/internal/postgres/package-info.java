/**
 * The PostgreSQL adapter: a thin {@link dev.sluice.core.spi.JdbcAdapter} over pgjdbc with
 * pg_catalog introspection and COPY, its dialect, and the factory for {@code type: postgres}
 * targets (which may be {@code embedded: true}). Internal: reach it through the SPI.
 */
package dev.sluice.core.internal.postgres;
