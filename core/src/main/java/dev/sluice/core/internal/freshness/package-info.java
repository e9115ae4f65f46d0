/**
 * {@code source freshness}: per selected source table with a threshold and a loaded_at_field, the
 * query dbt's collect_freshness asks (max of the field, the database's time, the filter), the
 * verdict against error_after then warn_after, run over the target's threads. Not API.
 */
package dev.sluice.core.internal.freshness;
