package dev.sluice.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.ResourceType;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeJsonTest {
    @Test
    void namesAModelByPackageFoldersAndName() {
        assertThat(NodeJson.selector(TestingRuns.RSV_DRUGS)).isEqualTo("drugs.reservoir.rsv__drugs");
        assertThat(NodeJson.selector(TestingRuns.DRUGS)).isEqualTo("drugs.drugs");
    }

    @Test
    void prefixesSourcesWithTheirMethod() {
        NodeInfo source = new NodeInfo("source.drugs.raw.pubmed", "pubmed", ResourceType.SOURCE,
                "models/sources.yml", null, "raw.pubmed", List.of(), List.of("drugs", "raw", "pubmed"));

        assertThat(NodeJson.selector(source)).isEqualTo("source:drugs.raw.pubmed");
    }

    @Test
    void writesOneLineOfJsonInDbtsKeyOrder() {
        NodeInfo node = new NodeInfo("model.drugs.rsv__drugs", "rsv__drugs", ResourceType.MODEL,
                "models/reservoir/rsv__drugs.sql", "table", "\"dev\".\"rsv\".\"rsv__drugs\"", List.of("nightly", "rsv"),
                List.of("drugs", "reservoir", "rsv__drugs"));

        assertThat(NodeJson.of(node)).isEqualTo("{\"name\": \"rsv__drugs\", \"resource_type\": \"model\", "
                + "\"package_name\": \"drugs\", \"original_file_path\": \"models/reservoir/rsv__drugs.sql\", "
                + "\"unique_id\": \"model.drugs.rsv__drugs\", \"relation_name\": \"\\\"dev\\\".\\\"rsv\\\".\\\"rsv__drugs\\\"\", "
                + "\"config\": {\"materialized\": \"table\"}, \"tags\": [\"nightly\", \"rsv\"]}");
    }

    @Test
    void escapesControlCharacters() {
        assertThat(NodeJson.string("a\tb\n\u0001")).isEqualTo("\"a\\tb\\n\\u0001\"");
        assertThat(NodeJson.string(null)).isEqualTo("null");
    }
}
