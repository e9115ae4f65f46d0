package dev.sluice.core.internal.parse;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.FreshnessThreshold;
import dev.sluice.core.internal.project.PropertyFiles.FreshnessLayer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A source table's freshness settings, resolved from every level that can state them: the
 * project file's {@code sources:} tree, the source's own keys and its {@code config:}, then the
 * table's own keys and its {@code config:} (dbt 1.9+ moved them under config; both spellings are
 * read, config winning at the same level). A level that writes a key overrides the levels before
 * it, even with null; thresholds combine as {@link FreshnessThreshold#combine} says, over the
 * levels that write one (so {@code freshness: null} on a table stays null, as the docs promise,
 * where dbt 1.10 would let the table's empty config turn it into an empty threshold: unchecked
 * either way).
 *
 * @param freshness null when freshness is switched off ({@code freshness: null})
 */
record SourceFreshnessSettings(FreshnessThreshold freshness, String loadedAtField, String loadedAtQuery) {
    static final Location PROJECT_FILE = Location.of("dbt_project.yml");

    /**
     * @param project the configs the project file gives the table (its {@code +freshness} etc.)
     * @param layers the property file's levels, least specific first
     * @param owner e.g. {@code source table 'app.orders'}, for errors
     * @param render renders Jinja in loaded_at_field and filter
     */
    static SourceFreshnessSettings resolve(Map<String, Object> project, List<FreshnessLayer> layers, String owner,
            UnaryOperator<String> render) {
        List<FreshnessLayer> all = new ArrayList<>();
        all.add(new FreshnessLayer(project, PROJECT_FILE));
        all.addAll(layers);
        List<FreshnessThreshold> thresholds = new ArrayList<>(List.of(FreshnessThreshold.UNSET));
        String field = null;
        String query = null;
        for (FreshnessLayer layer : all) {
            Map<String, Object> values = layer.values();
            if (values.containsKey("freshness")) { // a level that does not say leaves the others be
                thresholds.add(FreshnessThreshold.parse(values.get("freshness"), layer.location(), owner));
            }
            String levelField = text(values, "loaded_at_field", layer.location(), owner);
            String levelQuery = text(values, "loaded_at_query", layer.location(), owner);
            if (levelField != null && levelQuery != null) {
                throw SluiceException.user("properties.freshness", layer.location(), "Cannot read the freshness of "
                        + owner + ": it sets both loaded_at_field and loaded_at_query; keep one");
            }
            // a level's own choice replaces what less specific levels said, of either kind
            if (values.containsKey("loaded_at_field")) {
                field = levelField;
                query = levelField != null ? null : query;
            }
            if (values.containsKey("loaded_at_query")) {
                query = levelQuery;
                field = levelQuery != null ? null : field;
            }
        }
        FreshnessThreshold freshness = FreshnessThreshold.combine(thresholds);
        if (freshness != null && freshness.filter() != null) {
            freshness = new FreshnessThreshold(freshness.warnAfter(), freshness.errorAfter(),
                    render.apply(freshness.filter()));
        }
        return new SourceFreshnessSettings(freshness, field == null ? null : render.apply(field), query);
    }

    private static String text(Map<String, Object> values, String key, Location where, String owner) {
        Object v = values.get(key);
        if (v == null) {
            return null;
        }
        if (v instanceof Map || v instanceof List || v.toString().isBlank()) {
            throw SluiceException.user("properties.freshness", where, "Cannot read the freshness of " + owner + ": "
                    + key + " must be " + ("loaded_at_field".equals(key) ? "a column name or SQL expression"
                            : "a SQL query") + ", not '" + v + "'");
        }
        return v.toString();
    }
}
