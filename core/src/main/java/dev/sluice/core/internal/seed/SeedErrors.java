package dev.sluice.core.internal.seed;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;

/** User errors about one seed, worded "Cannot load seed NAME: REASON" and located in its file. */
final class SeedErrors {
    private SeedErrors() {
    }

    static SluiceException at(SeedSpec spec, String code, Position where, String reason) {
        return at(spec, code, where, reason, null);
    }

    static SluiceException at(SeedSpec spec, String code, Position where, String reason, Throwable cause) {
        return SluiceException.user("seed." + code, location(spec, where), message(spec, reason), cause);
    }

    static Location location(SeedSpec spec, Position where) {
        return new Location(spec.originalFilePath(), where.line(), where.column());
    }

    static String message(SeedSpec spec, String reason) {
        return "Cannot load seed " + spec.name() + ": " + reason;
    }

    /** A value for a message: quoted, cut short when long, control characters shown escaped. */
    static String show(String value) {
        String v = value.length() > 60 ? value.substring(0, 57) + "..." : value;
        StringBuilder sb = new StringBuilder("'");
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            switch (c) {
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\0' -> sb.append("\\0");
                default -> sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }
}
