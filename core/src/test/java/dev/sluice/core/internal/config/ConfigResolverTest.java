package dev.sluice.core.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** dbt's config merge rules, one by one. */
class ConfigResolverTest {

    @Test
    void moreSpecificValuesReplaceLessSpecificOnes() {
        assertThat(ConfigResolver.merge(Map.of("materialized", "view", "schema", "a"), Map.of("materialized", "table")))
                .containsEntry("materialized", "table").containsEntry("schema", "a");
    }

    @Test
    void tagsAndHooksAccumulate() {
        Map<String, Object> merged = ConfigResolver.merge(Map.of("tags", List.of("a"), "pre-hook", List.of("select 1")),
                Map.of("tags", "b", "pre_hook", "select 2"));
        assertThat(merged.get("tags")).isEqualTo(List.of("a", "b"));
        assertThat(merged.get("pre-hook")).isEqualTo(List.of("select 1", "select 2"));
        assertThat(ConfigResolver.merge(Map.of("tags", List.of("a")), Map.of("tags", List.of("a", "c"))).get("tags"))
                .isEqualTo(List.of("a", "c"));
    }

    @Test
    void metaAndColumnTypesMergeKeyByKey() {
        Map<String, Object> merged = ConfigResolver.merge(Map.of("meta", Map.of("owner", "a", "tier", 1)),
                Map.of("meta", Map.of("owner", "b")));
        assertThat(merged.get("meta")).isEqualTo(Map.of("owner", "b", "tier", 1));
        assertThat(ConfigResolver.merge(Map.of("column_types", Map.of("id", "int")), Map.of("column_types",
                Map.of("code", "text"))).get("column_types")).isEqualTo(Map.of("id", "int", "code", "text"));
    }

    @Test
    void projectTreesApplyFolderByFolder() {
        Map<String, Object> tree = Map.of(
                "+tags", "all",
                "drugs", Map.of(
                        "+materialized", "view",
                        "reservoir", Map.of("+schema", "rsv", "materialized", "table",
                                "rsv__drugs", Map.of("+alias", "drugs")),
                        "compute", Map.of("+schema", "cmp")));
        assertThat(ConfigResolver.fromProjectTree(tree, List.of("drugs", "reservoir", "rsv__drugs")))
                .containsEntry("materialized", "table").containsEntry("schema", "rsv").containsEntry("alias", "drugs")
                .containsEntry("tags", List.of("all"));
        assertThat(ConfigResolver.fromProjectTree(tree, List.of("drugs", "compute", "cmp__mentions")))
                .containsEntry("materialized", "view").containsEntry("schema", "cmp").doesNotContainKey("alias");
        assertThat(ConfigResolver.fromProjectTree(tree, List.of("other_package", "x"))).containsOnlyKeys("tags");
    }

    @Test
    void aFolderNamedLikeAConfigIsStillAFolderWhenItHoldsConfigs() {
        Map<String, Object> tree = Map.of("p", Map.of("tags", Map.of("+schema", "t")));
        assertThat(ConfigResolver.fromProjectTree(tree, List.of("p", "tags", "m"))).containsEntry("schema", "t");
    }
}
