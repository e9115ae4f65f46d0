/**
 * dbt's artifacts: {@code target/manifest.json} (manifest v12) and {@code target/run_results.json}
 * (run-results v6), written the way dbt-core writes them (same keys, same key order, same defaults,
 * compact JSON) so that tools reading dbt's artifacts can read Sluice's.
 */
package dev.sluice.core.internal.artifacts;
