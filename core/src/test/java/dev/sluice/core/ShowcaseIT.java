package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.api.Preview;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.spi.QueryResult;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The showcase at the repository's root, built through its own profiles.example.yml ({@code dev}
 * target) on the test database: the graph against what the seed files say when read by hand,
 * a repeatable export, the analyses' answers, and two developers sharing one database.
 */
class ShowcaseIT {
    private static final String JEN = "Journal of emergency nursing";
    private static final String ALLERGY = "The journal of allergy and clinical immunology. In practice";

    @TempDir
    Path dir;
    Path project;
    final List<String> developers = new ArrayList<>();

    @BeforeEach
    void setUp() {
        project = TestingProjects.copyShowcase(dir);
        TestingProjects.write(project.resolve("profiles.yml"), TestingProjects.read(project.resolve("profiles.example.yml")));
    }

    @AfterEach
    void dropSchemas() {
        for (String developer : developers) {
            for (String stage : List.of("seed", "rsv", "cmp", "mrt")) {
                TestingDatabase.adapter().withConnection(c -> c.execute("drop schema if exists \"dev_" + developer + "_"
                        + stage + "\" cascade"));
            }
        }
    }

    /** A developer name no other test run uses (the database may be shared). */
    private String developer(String name) {
        String d = name + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        developers.add(d);
        return d;
    }

    /** The dev target of profiles.example.yml, pointed at the test database, for {@code developer}. */
    private Sluice.Configuration as(String developer) {
        return TestingProjects.showcaseAs(project, dir, developer);
    }

    private RunResult build(String developer) {
        try (Sluice sluice = as(developer).load()) {
            RunResult run = sluice.build(Selection.all());
            assertThat(run.success()).as("build for %s", developer).isTrue();
            // the compute stage's unit test ran, and passed, before its model was built
            assertThat(run.results()).filteredOn(r -> r.node().resourceType() == dev.sluice.core.api.ResourceType.UNIT_TEST)
                    .extracting(r -> r.node().name() + "=" + r.status())
                    .containsExactly("mentions_are_whole_words_in_any_case=PASS");
            return run;
        }
    }

    private static List<List<Object>> rows(String sql) {
        QueryResult r = TestingDatabase.adapter().withConnection(c -> c.query(sql));
        return r.rows();
    }

    @Test
    void theGraphIsWhatTheInputFilesSay() throws IOException {
        String alice = developer("alice");
        build(alice);

        JsonNode graph = new ObjectMapper().readTree(project.resolve("output/drug_mentions.json").toFile());
        Map<String, String> byDrug = new LinkedHashMap<>();
        for (JsonNode drug : graph) {
            byDrug.put(drug.get("atccode").asText() + " " + drug.get("drug").asText(), summary(drug));
        }
        // Read off the seed files by hand: whole words only (neither Ethanolamine nor Norepinephrine counts), day-first
        // dates (02/01/2019 is 2 January), garbage stripped so "...nursing\xc3\x28" is the same journal,
        // rows without an id or a title gone, one journal entry per (journal, date).
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("J01CA AMOXICILLIN", "pubmed=[] trials=[] journals=[]");
        expected.put("N02BA ASPIRIN", "pubmed=[13 2020-04-10 null] trials=[] journals=[]");
        expected.put("C10AA ATORVASTATIN", "pubmed=[19 2020-05-01 Journal of perinatology] trials=[]"
                + " journals=[Journal of perinatology 2020-05-01]");
        expected.put("A03BA ATROPINE", "pubmed=[12 2020-04-01 " + JEN + "] trials=[NCT05000001 2020-06-15 Anaesthesia]"
                + " journals=[Anaesthesia 2020-06-15; " + JEN + " 2020-04-01]");
        expected.put("R01AD BETAMETHASONE", "pubmed=[16 2020-01-01 Journal of perinatology]"
                + " trials=[NCT04153396 2020-01-01 Journal of perinatology] journals=[Journal of perinatology 2020-01-01]");
        expected.put("A04AD DIPHENHYDRAMINE", "pubmed=[1 2019-01-01 " + JEN + "; 20 2019-01-01 " + JEN
                + "; 3 2019-01-02 The Journal of pediatrics] trials=[NCT01967433 2020-01-01 " + JEN + "; NCT04189588 2020-01-01 "
                + JEN + "] journals=[" + JEN + " 2019-01-01; " + JEN + " 2020-01-01; The Journal of pediatrics 2019-01-02]");
        expected.put("A01AD EPINEPHRINE", "pubmed=[8 2020-01-03 " + ALLERGY + "; 7 2020-02-01 " + ALLERGY + "]"
                + " trials=[NCT04188184 2020-04-27 " + JEN + "] journals=[" + JEN + " 2020-04-27; " + ALLERGY
                + " 2020-01-03; " + ALLERGY + " 2020-02-01]");
        expected.put("V03AB ETHANOL", "pubmed=[6 2020-01-01 Psychopharmacology] trials=[]"
                + " journals=[Psychopharmacology 2020-01-01]");
        expected.put("6302001 ISOPRENALINE", "pubmed=[15 2020-01-01 The journal of pharmacology] trials=[]"
                + " journals=[The journal of pharmacology 2020-01-01]");
        expected.put("0804 PARACETAMOL", "pubmed=[] trials=[NCT05000002 2020-06-15 Anaesthesia]"
                + " journals=[Anaesthesia 2020-06-15]");
        expected.put("S03AA TETRACYCLINE", "pubmed=[1 2019-01-01 " + JEN + "; 4 2020-01-01 Journal of food protection; "
                + "6 2020-01-01 Psychopharmacology; 5 2020-01-02 American journal of veterinary research] trials=[]"
                + " journals=[American journal of veterinary research 2020-01-02; " + JEN + " 2019-01-01; "
                + "Journal of food protection 2020-01-01; Psychopharmacology 2020-01-01]");
        assertThat(byDrug).containsExactlyEntriesOf(expected);

        // titles are trimmed, garbage-free, single-spaced, and keep real non-ASCII text
        assertThat(graph.findValuesAsText("title")).contains("Aspirin and cardiovascular prevention",
                "Preemptive Infiltration With Betamethasone and Ropivacaine for Postoperative Pain in Laminoplasty or Laminectomy",
                "Isoprenaline shows unique kinase dependencies in stimulating \u03b21AR\u2013\u03b22AR heteromer.");
        assertThat(graph.findValuesAsText("journal")).noneMatch(j -> j.contains("\\x"));
    }

    @Test
    void droppedRowsAreCountedWithTheirReason() {
        String bob = developer("bob");
        build(bob);
        String rsv = "\"dev_" + bob + "_rsv\"";
        assertThat(rows("select source_file, rejection_reason, rejected_rows from " + rsv
                + ".rsv_rejection_counts order by 1, 2")).containsExactly(
                        List.of("clinical_trials.csv", "missing id", 1L),
                        List.of("clinical_trials.csv", "missing title", 1L),
                        List.of("pubmed.csv", "missing id", 1L),
                        List.of("pubmed.csv", "missing title", 1L),
                        List.of("pubmed.json", "missing id", 1L),
                        List.of("pubmed.json", "missing title", 1L));
        // 13 + 8 raw PubMed rows, 4 dropped; 9 raw trials (the blank last line is no row), 2 dropped
        assertThat(rows("select count(*) from " + rsv + ".rsv_pubmed")).containsExactly(List.of(17L));
        assertThat(rows("select count(*) from " + rsv + ".rsv_clinical_trials")).containsExactly(List.of(7L));
        // ids from JSON numbers and strings alike are text; every date in three formats is parsed
        assertThat(rows("select string_agg(id, ',' order by id::int) from " + rsv + ".rsv_pubmed"))
                .containsExactly(List.of("1,2,3,4,5,6,7,8,11,12,13,14,15,16,19,20,21"));
        assertThat(rows("select count(*) from " + rsv + ".rsv_pubmed where published_on is null"))
                .containsExactly(List.of(0L));
        assertThat(rows("select published_on::text from " + rsv + ".rsv_pubmed where id in ('3', '7', '11') order by id::int"))
                .containsExactly(List.of("2019-01-02"), List.of("2020-02-01"), List.of("2020-03-05"));
    }

    @Test
    void everyBuiltColumnIsDescribed() throws IOException {
        String erin = developer("erin");
        build(erin);
        JsonNode nodes = new ObjectMapper().readTree(project.resolve("target/manifest.json").toFile()).get("nodes");
        int checked = 0;
        for (JsonNode n : nodes) {
            String type = n.get("resource_type").asText();
            if (!(type.equals("model") || type.equals("seed")) || n.get("config").get("materialized").asText().equals("ephemeral")) {
                continue;
            }
            List<String> built = rows("select column_name from information_schema.columns where table_schema = '"
                    + n.get("schema").asText() + "' and table_name = '" + n.get("alias").asText() + "' order by ordinal_position")
                    .stream().map(r -> (String) r.get(0)).toList();
            List<String> described = new ArrayList<>();
            n.get("columns").fields().forEachRemaining(c -> {
                if (!c.getValue().get("description").asText().isBlank()) {
                    described.add(c.getKey());
                }
            });
            assertThat(n.get("description").asText()).as("description of %s", n.get("name")).isNotBlank();
            assertThat(described).as("described columns of %s", n.get("name")).containsExactlyElementsOf(built);
            checked++;
        }
        assertThat(checked).isEqualTo(14);
    }

    @Test
    void buildingAgainWritesTheSameFile() throws IOException {
        String carol = developer("carol");
        build(carol);
        Path out = project.resolve("output/drug_mentions.json");
        byte[] first = Files.readAllBytes(out);
        build(carol);
        assertThat(Files.readAllBytes(out)).isEqualTo(first);
        try (Stream<Path> files = Files.list(out.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("drug_mentions.json");
        }
    }

    @Test
    void analysesAnswerTheQuestions() {
        String dave = developer("dave");
        build(dave);
        try (Sluice sluice = as(dave).load()) {
            Map<String, List<List<Object>>> shown = sluice.show(Selection.of("path:analyses"), 10).stream()
                    .collect(Collectors.toMap(Preview::name, Preview::rows));
            assertThat(shown.get("top_journal")).containsExactly(List.of(JEN, 4L));
            assertThat(shown.get("same_journal_drugs")).containsExactly(List.of("A03BA", "ATROPINE"),
                    List.of("S03AA", "TETRACYCLINE"));
            assertThat(shown.get("revenue_per_day_2019")).extracting(r -> r.get(0).toString() + " " + r.get(1))
                    .containsExactly("2019-01-01 524.24", "2019-03-15 35.60", "2019-06-30 610", "2019-12-31 300");
            assertThat(shown.get("client_sales_2019")).containsExactly(
                    List.of(412, new BigDecimal("600"), new BigDecimal("10")),
                    List.of(845, new BigDecimal("400"), new BigDecimal("95.60")),
                    List.of(999, new BigDecimal("350"), new BigDecimal("14.24")));
        }
        try (Sluice sluice = as(dave).var("drug", "tetracycline").load()) {
            assertThat(sluice.show(Selection.of("same_journal_drugs"), 10).get(0).rows())
                    .containsExactly(List.of("A03BA", "ATROPINE"), List.of("V03AB", "ETHANOL"));
        }
    }

    @Test
    void twoDevelopersShareADatabaseWithoutTouchingEachOther() {
        String alice = developer("alice");
        String bob = developer("bob");
        build(alice);
        Map<String, Long> alicesTables = tables(alice);
        assertThat(alicesTables).hasSize(14).containsKey("dev_" + alice + "_mrt.mrt_drug_graph");
        assertThat(tables(bob)).isEmpty();

        build(bob);
        Map<String, Long> bobsTables = tables(bob);
        assertThat(bobsTables).hasSize(14);
        // bob's build created his own relations and left alice's as they were (same objects, same rows)
        assertThat(tables(alice)).isEqualTo(alicesTables);
        assertThat(rows("select count(*) from \"dev_" + alice + "_cmp\".cmp_publication_mentions"))
                .containsExactly(List.of(21L));

        // and alice rebuilding replaces only her relations
        build(alice);
        assertThat(tables(bob)).isEqualTo(bobsTables);
        assertThat(tables(alice)).isNotEqualTo(alicesTables).hasSize(14);
    }

    /** Every table in the developer's stage schemas, with its object id (which changes when rebuilt). */
    private static Map<String, Long> tables(String developer) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (List<Object> r : rows("select n.nspname || '.' || c.relname, c.oid::bigint from pg_class c join pg_namespace n"
                + " on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname like 'dev\\_" + developer
                + "\\_%' order by 1")) {
            out.put((String) r.get(0), ((Number) r.get(1)).longValue());
        }
        return out;
    }

    /** A drug's entry as one line: its articles and trials as "id date journal", its journals as "journal date". */
    private static String summary(JsonNode drug) {
        return "pubmed=" + items(drug.get("pubmed"), "id", "date", "journal") + " trials="
                + items(drug.get("clinical_trials"), "id", "date", "journal") + " journals="
                + items(drug.get("journals"), "journal", "date");
    }

    private static String items(JsonNode array, String... fields) {
        List<String> out = new ArrayList<>();
        for (JsonNode item : array) {
            out.add(Stream.of(fields).map(f -> item.get(f).isNull() ? "null" : item.get(f).asText())
                    .collect(Collectors.joining(" ")));
        }
        return "[" + String.join("; ", out) + "]";
    }
}
