/**
 * The adapter SPI: how Sluice talks to a database. An adapter is an {@link dev.sluice.core.spi.AdapterFactory}
 * found with {@link java.util.ServiceLoader}, an {@link dev.sluice.core.spi.Adapter} with a
 * connection pool, and a {@link dev.sluice.core.spi.Dialect}. Public and stable.
 */
package dev.sluice.core.spi;
