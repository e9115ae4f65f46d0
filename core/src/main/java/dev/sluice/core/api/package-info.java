/**
 * Sluice's public value types: results, selections, events and the exception root. Stable API
 * for embedders; see {@link dev.sluice.core.Sluice} for the entry point.
 */
package dev.sluice.core.api;
