package dev.sluice.core.internal.model;

/** A {@code {% docs name %}...{% enddocs %}} block. */
public record DocBlock(String uniqueId, String name, String packageName, String path, String originalFilePath,
        String blockContents) {
}
