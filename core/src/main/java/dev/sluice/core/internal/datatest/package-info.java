/**
 * Generic data tests as property files declare them ({@code data_tests:} / {@code tests:} entries),
 * resolved exactly as dbt-core 1.10 resolves them: the test's macro and namespace, its keyword
 * arguments, its configs, its synthesized (or custom) name and its {@code unique_id}, so that the
 * test nodes in Sluice's manifest.json match dbt's for the same project. Pure: no database, no
 * Jinja rendering. Not API.
 */
package dev.sluice.core.internal.datatest;
