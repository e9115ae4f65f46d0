package dev.sluice.cli;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.ResourceType;
import java.util.stream.Collectors;

/** How {@code ls} prints a node: as a selector, or as one line of JSON with dbt's key names in a fixed order. */
final class NodeJson {
    private NodeJson() {
    }

    /**
     * The node's fully qualified name as dbt ls prints it ({@code drugs.reservoir.rsv__drugs});
     * sources and exposures prefixed with their method ({@code source:drugs.raw.pubmed}).
     */
    static String selector(NodeInfo node) {
        String name = String.join(".", node.fqn());
        if (node.resourceType() == ResourceType.SOURCE || node.resourceType() == ResourceType.EXPOSURE
                || node.resourceType() == ResourceType.UNIT_TEST) {
            return node.resourceType().dbtName() + ":" + name;
        }
        return name;
    }

    static String of(NodeInfo node) {
        String[] id = node.uniqueId().split("\\.");
        return "{\"name\": " + string(node.name())
                + ", \"resource_type\": " + string(node.resourceType().dbtName())
                + ", \"package_name\": " + string(id.length > 1 ? id[1] : null)
                + ", \"original_file_path\": " + string(node.originalFilePath())
                + ", \"unique_id\": " + string(node.uniqueId())
                + ", \"relation_name\": " + string(node.relation())
                + ", \"config\": {\"materialized\": " + string(node.materialized()) + "}"
                + ", \"tags\": [" + node.tags().stream().map(NodeJson::string).collect(Collectors.joining(", ")) + "]}";
    }

    static String string(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
