package dev.sluice.core.internal.freshness;

import dev.sluice.core.internal.model.FreshnessThreshold;
import dev.sluice.core.internal.model.SourceDef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** How a freshness verdict reads: the table's age in words, and the threshold it passed. */
final class FreshnessMessages {
    private FreshnessMessages() {
    }

    static String verdict(SourceDef source, FreshnessThreshold.Status status, Duration age, Instant maxLoadedAt) {
        String newest = "newest row loaded at " + maxLoadedAt;
        if (age.isNegative()) {
            return "Source " + FreshnessQuery.name(source) + "'s newest row is stamped " + describe(age.negated())
                    + " in the future (" + newest + ")";
        }
        FreshnessThreshold t = source.freshness();
        String state = switch (status) {
            case ERROR -> ", past its error_after of " + t.errorAfter().describe();
            case WARN -> ", past its warn_after of " + t.warnAfter().describe();
            case PASS -> ", within its thresholds";
        };
        return "Source " + FreshnessQuery.name(source) + " is " + describe(age) + " old" + state + " (" + newest + ")";
    }

    /** The two largest units of a duration: "2 days 3 hours", "5 minutes 12 seconds", "0 seconds". */
    static String describe(Duration d) {
        long seconds = d.getSeconds();
        long[] amounts = {seconds / 86_400, seconds % 86_400 / 3_600, seconds % 3_600 / 60, seconds % 60};
        String[] units = {"day", "hour", "minute", "second"};
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < amounts.length && parts.size() < 2; i++) {
            if (amounts[i] > 0) {
                parts.add(amounts[i] + " " + units[i] + (amounts[i] == 1 ? "" : "s"));
            } else if (!parts.isEmpty()) {
                break; // "2 days", not "2 days 0 hours"
            }
        }
        return parts.isEmpty() ? "0 seconds" : String.join(" ", parts);
    }
}
