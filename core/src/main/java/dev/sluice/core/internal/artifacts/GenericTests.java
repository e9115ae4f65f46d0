package dev.sluice.core.internal.artifacts;

import dev.sluice.core.internal.model.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * dbt's {@code test_metadata} for a generic test, worked out from what the model keeps: the test's
 * name ({@code not_null_orders_order_id}) and the model or source it reads. dbt knows the test's
 * macro and arguments from the property file; the model does not keep them yet, so the four
 * built-in tests are recognized by name and other tests get their node name and no arguments
 * besides {@code model}.
 */
final class GenericTests {
    private static final List<String> BUILT_IN = List.of("accepted_values", "relationships", "not_null", "unique");

    private GenericTests() {
    }

    static String testName(Node n) {
        for (String t : BUILT_IN) {
            if (n.name().startsWith(t + "_")) {
                return t;
            }
        }
        return n.name();
    }

    static Map<String, Object> kwargs(Node n) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        String tested = tested(n);
        String column = column(n, tested);
        if (column != null) {
            kwargs.put("column_name", column);
        }
        String model = model(n);
        if (model != null) {
            kwargs.put("model", model);
        }
        return kwargs;
    }

    /** For {@code unique_orders_order_id} and {@code not_null_orders_order_id}: {@code order_id}. */
    static String column(Node n, String tested) {
        Object configured = n.config().get("column_name");
        if (configured != null) {
            return configured.toString();
        }
        String test = testName(n);
        if (tested == null || !(test.equals("unique") || test.equals("not_null"))) {
            return null;
        }
        String prefix = test + "_" + tested + "_";
        return n.name().startsWith(prefix) && n.name().length() > prefix.length()
                ? n.name().substring(prefix.length()) : null;
    }

    private static String tested(Node n) {
        if (!n.refs().isEmpty()) {
            return n.refs().get(0).name();
        }
        if (!n.sources().isEmpty()) {
            return n.sources().get(0).sourceName() + "_" + n.sources().get(0).tableName();
        }
        return null;
    }

    private static String model(Node n) {
        if (!n.refs().isEmpty()) {
            return "{{ get_where_subquery(ref('" + n.refs().get(0).name() + "')) }}";
        }
        if (!n.sources().isEmpty()) {
            return "{{ get_where_subquery(source('" + n.sources().get(0).sourceName() + "', '"
                    + n.sources().get(0).tableName() + "')) }}";
        }
        return null;
    }
}
