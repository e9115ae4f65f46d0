/**
 * Server-side layout of the docs site's lineage graph: {@link dev.sluice.core.internal.docs.layout.GraphLayout}
 * places boxes left to right (sources and seeds on the left, marts on the right) with the Eclipse
 * Layout Kernel's layered algorithm, run without Eclipse or OSGi, and returns plain records
 * ({@link dev.sluice.core.internal.docs.layout.Layout}) that the site renders. ELK types stay inside.
 */
package dev.sluice.core.internal.docs.layout;
