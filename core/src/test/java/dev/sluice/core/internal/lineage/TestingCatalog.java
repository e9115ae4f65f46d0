package dev.sluice.core.internal.lineage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A catalog in memory, keyed by relation names exactly as the SQL writes them; remembers what it was asked. */
final class TestingCatalog implements RelationColumns {
    private final Map<RelationName, List<String>> relations = new HashMap<>();
    private final List<RelationName> asked = new ArrayList<>();

    TestingCatalog with(RelationName relation, String... columns) {
        relations.put(relation, List.of(columns));
        return this;
    }

    /** The drug-mentions project at the repository root, built in database {@code sluice}. */
    static TestingCatalog drugProject() {
        return new TestingCatalog()
                .with(RelationName.of("sluice", "seed", "drugs"), "atccode", "drug")
                .with(RelationName.of("sluice", "seed", "pubmed"), "id", "title", "date", "journal")
                .with(RelationName.of("sluice", "seed", "pubmed_json"), "id", "title", "date", "journal")
                .with(RelationName.of("sluice", "seed", "clinical_trials"), "id", "scientific_title", "date", "journal")
                .with(RelationName.of("sluice", "rsv", "rsv_drugs"), "atccode", "drug")
                .with(RelationName.of("sluice", "rsv", "rsv_pubmed"), "id", "title", "published_on", "journal",
                        "source_file")
                .with(RelationName.of("sluice", "rsv", "rsv_clinical_trials"), "id", "scientific_title",
                        "published_on", "journal")
                .with(RelationName.of("sluice", "cmp", "cmp_publication_mentions"), "atccode", "drug",
                        "publication_type", "publication_id", "title", "published_on", "journal")
                .with(RelationName.of("sluice", "cmp", "cmp_journal_mentions"), "atccode", "drug", "journal",
                        "mentioned_on")
                .with(RelationName.of("sluice", "analytics_stg", "stg_orders"), "id", "customer", "amount",
                        "ordered_at", "code")
                .with(RelationName.of("sluice", "analytics_raw", "customers"), "name", "country");
    }

    /** Small tables for the constructs: a, b, c unqualified; t under 1, 2 and 3 part names; one quoted. */
    static TestingCatalog small() {
        return new TestingCatalog()
                .with(RelationName.of("a"), "id", "name", "amount")
                .with(RelationName.of("b"), "id", "a_id", "label")
                .with(RelationName.of("c"), "id", "b_id", "note")
                .with(RelationName.of("t"), "x", "y")
                .with(RelationName.of("s", "t"), "x", "y")
                .with(RelationName.of("db", "s", "t"), "x", "y")
                .with(RelationName.of("Mixed", "Case"), "Id", "Name");
    }

    @Override
    public synchronized List<String> columnsOf(RelationName relation) {
        asked.add(relation);
        return relations.get(relation);
    }

    synchronized List<RelationName> asked() {
        return List.copyOf(asked);
    }
}
