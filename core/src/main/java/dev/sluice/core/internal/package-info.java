/** Sluice's implementation. Not API: anything here may change without notice. */
package dev.sluice.core.internal;
