package dev.sluice.core.internal.deps;

import dev.sluice.core.internal.project.VersionRange;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Hub package versions: which of a repository's tags satisfy a package's version ranges, the highest first. */
final class Versions {
    private static final Pattern RANGE = Pattern.compile(
            "(>=|<=|==|~=|>|<|=)?\\s*v?\\d+(\\.\\d+)*(\\.[x*])?(-?[A-Za-z][A-Za-z0-9.]*)?");
    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)*(-?[A-Za-z][A-Za-z0-9.]*)?");

    private Versions() {
    }

    /** Whether {@code s} reads as a version or a range ({@code >=1.0.0}, {@code 1.5.x}, {@code 1.2.3}). */
    static boolean isRange(String s) {
        return RANGE.matcher(s.strip()).matches();
    }

    /** Whether a tag names a version ({@code 1.2.3} or {@code v1.2.3}). */
    static boolean isVersion(String tag) {
        return VERSION.matcher(tag).matches();
    }

    /** A pre-release ({@code 1.0.0-b1}, {@code 1.0.0rc1}) is installed only when asked for. */
    static boolean isPrerelease(String tag) {
        return bare(tag).chars().anyMatch(Character::isLetter);
    }

    /** The highest of {@code tags} satisfying every range, or empty. */
    static Optional<String> best(List<String> tags, List<String> ranges, boolean prerelease) {
        String best = null;
        for (String tag : tags) {
            if (!isVersion(tag) || (isPrerelease(tag) && !prerelease && !exactlyAsked(tag, ranges))) {
                continue;
            }
            String v = bare(tag);
            boolean ok = ranges.stream().allMatch(r -> VersionRange.satisfies(v, bare(r.replace(" ", ""))));
            if (ok && (best == null || newer(v, bare(best)))) {
                best = tag;
            }
        }
        return Optional.ofNullable(best);
    }

    private static boolean exactlyAsked(String tag, List<String> ranges) {
        return ranges.stream().anyMatch(r -> bare(r.replace("==", "").replace(" ", "")).equals(bare(tag)));
    }

    /** Newer by numbers; at equal numbers a release is newer than its pre-release. */
    private static boolean newer(String a, String b) {
        int c = VersionRange.compare(a, b);
        if (c != 0) {
            return c > 0;
        }
        return !a.chars().anyMatch(Character::isLetter) && b.chars().anyMatch(Character::isLetter);
    }

    /** The version without the {@code v} of tags such as {@code v1.2.0}, the operator kept. */
    private static String bare(String s) {
        int i = 0;
        while (i < s.length() && "<>=~".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i < s.length() && s.charAt(i) == 'v' ? s.substring(0, i) + s.substring(i + 1) : s;
    }
}
