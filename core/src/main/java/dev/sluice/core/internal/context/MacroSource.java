package dev.sluice.core.internal.context;

import dev.sluice.jinja.MacroInfo;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The text of one macro inside its file ({@code macro_sql} in dbt's manifest). */
final class MacroSource {
    private static final Pattern END = Pattern.compile("\\{%-?\\s*end(macro|test|materialization|docs)\\s*-?%\\}");

    private MacroSource() {
    }

    static String extract(String text, MacroInfo m) {
        int lineStart = 0;
        for (int l = 1; l < m.line() && lineStart >= 0; l++) {
            lineStart = text.indexOf('\n', lineStart) + 1;
            if (lineStart == 0) {
                return "";
            }
        }
        int open = text.indexOf("{%", lineStart);
        if (open < 0) {
            return "";
        }
        Matcher end = END.matcher(text);
        if (!end.find(open)) {
            return text.substring(open);
        }
        return text.substring(open, end.end());
    }
}
