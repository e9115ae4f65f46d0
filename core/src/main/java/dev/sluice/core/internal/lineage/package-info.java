/**
 * Column-level lineage of compiled models: for each output column of one PostgreSQL SELECT, the
 * physical columns it derives from ({@link dev.sluice.core.internal.lineage.ColumnLineage}).
 * A pure function of the SQL text and a catalog look-up; JSqlParser stays inside this package.
 * Whatever cannot be traced is reported as a problem, on the column or on the statement, never
 * guessed.
 */
package dev.sluice.core.internal.lineage;
