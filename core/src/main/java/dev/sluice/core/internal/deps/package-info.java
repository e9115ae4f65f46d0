/**
 * dbt packages: packages.yml / dependencies.yml, {@code deps} (resolving local, git and hub
 * packages with the system's git, installing them, package-lock.yml) and the installed packages a
 * project loads with.
 */
package dev.sluice.core.internal.deps;
