package dev.sluice.core.internal.artifacts;

import dev.sluice.core.api.Location;
import dev.sluice.core.api.NodeInfo;
import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.NodeStatus;
import dev.sluice.core.api.ResourceType;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.SluiceException;
import dev.sluice.core.internal.model.Checksum;
import dev.sluice.core.internal.model.ColumnDef;
import dev.sluice.core.internal.model.DocBlock;
import dev.sluice.core.internal.model.FreshnessThreshold;
import dev.sluice.core.internal.model.MacroDef;
import dev.sluice.core.internal.model.Manifest;
import dev.sluice.core.internal.model.Node;
import dev.sluice.core.internal.model.NodeConfig;
import dev.sluice.core.internal.model.RefCall;
import dev.sluice.core.internal.model.SourceCall;
import dev.sluice.core.internal.model.SourceDef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small drug-mentions project built by hand: a seed, a source with two tables, a view, an
 * ephemeral and a table model, a generic test, a disabled model, project and dbt macros, docs
 * blocks, and runs of it. Every time and id is fixed, so the artifacts are the same on every run.
 */
final class TestingManifests {
    static final String PROJECT = "drug_mentions";
    static final String INVOCATION_ID = "5f6c3a1e-2b7d-4c1a-9e3f-0a1b2c3d4e5f";
    static final Instant GENERATED_AT = Instant.parse("2025-06-10T09:15:02.123456Z");
    static final Instant STARTED_AT = Instant.parse("2025-06-10T09:14:58.500Z");
    static final double CREATED_AT = 1749546897.251337;
    static final String DATABASE = "sluice";
    static final String SCHEMA = "analytics";

    static final String SEED = "seed.drug_mentions.drugs";
    static final String PUBMED = "source.drug_mentions.raw.pubmed";
    static final String TRIALS = "source.drug_mentions.raw.clinical_trials";
    static final String STG_PUBMED = "model.drug_mentions.stg_pubmed";
    static final String STG_TRIALS = "model.drug_mentions.stg_trials";
    static final String MENTIONS = "model.drug_mentions.drug_mentions";
    static final String LEGACY = "model.drug_mentions.legacy_mentions";
    static final String NOT_NULL = "test.drug_mentions.not_null_drug_mentions_mention_id.5c8e2a1f3b";

    private TestingManifests() {
    }

    static ArtifactMetadata metadata() {
        return ArtifactMetadata.builder(PROJECT, "postgres")
                .invocationId(INVOCATION_ID)
                .generatedAt(GENERATED_AT)
                .invocationStartedAt(STARTED_AT)
                .environment(Map.of("DBT_ENV_CUSTOM_ENV_JOB", "nightly", "HOME", "/home/ci"))
                .projectRoot("/work/drug_mentions")
                .quoting(true, true, true, null)
                .arg("which", "build")
                .arg("invocation_command", "sluice build")
                .arg("select", List.of())
                .arg("threads", 4)
                .build();
    }

    static Manifest manifest() {
        Map<String, Node> nodes = new LinkedHashMap<>();
        for (Node n : List.of(mentions(), stgPubmed(), seed(), stgTrials(), notNullTest(), legacy())) {
            nodes.put(n.uniqueId(), n);
        }
        Map<String, SourceDef> sources = new LinkedHashMap<>();
        sources.put(PUBMED, source("pubmed", "PubMed articles, one row per article.",
                config("freshness", Map.of("warn_after", Map.of("count", 1, "period", "day")),
                        "loaded_at_field", "loaded_at"),
                columns(new ColumnDef("id", "The article's PubMed id.", "text", Map.of(), List.of(), List.of()),
                        new ColumnDef("title", "{{ doc('article_title') }}", "text", Map.of(), List.of(), List.of()))));
        sources.put(TRIALS, source("clinical_trials", "", config(), columns()));
        Map<String, MacroDef> macros = new LinkedHashMap<>();
        macros.put("macro.drug_mentions.normalize_title", new MacroDef("macro.drug_mentions.normalize_title",
                "normalize_title", PROJECT, "macros/normalize_title.sql", "macros/normalize_title.sql",
                "{% macro normalize_title(column) %}lower(trim({{ column }})){% endmacro %}", List.of("column"),
                "Lower-cases and trims a title.", List.of(), 1, CREATED_AT));
        macros.put("macro.dbt.materialization_view_default", new MacroDef("macro.dbt.materialization_view_default",
                "materialization_view_default", "dbt", "macros/materializations/models/view.sql",
                "macros/materializations/models/view.sql",
                "{% materialization view, default %}{{ return({'relations': [this]}) }}{% endmaterialization %}",
                List.of(), "", List.of("macro.dbt.run_hooks"), 1, CREATED_AT));
        macros.put("macro.dbt.run_hooks", new MacroDef("macro.dbt.run_hooks", "run_hooks", "dbt",
                "macros/materializations/hooks.sql", "macros/materializations/hooks.sql",
                "{% macro run_hooks(hooks, inside_transaction=True) %}{% endmacro %}",
                List.of("hooks", "inside_transaction"), "", List.of(), 1, CREATED_AT));
        Map<String, DocBlock> docs = new LinkedHashMap<>();
        docs.put("doc.drug_mentions.article_title", new DocBlock("doc.drug_mentions.article_title", "article_title",
                PROJECT, "docs.md", "models/docs.md", "The article's title as PubMed spells it (ü and all)."));
        docs.put("doc.drug_mentions.__overview__", new DocBlock("doc.drug_mentions.__overview__", "__overview__",
                PROJECT, "overview.md", "models/overview.md", "# Drug mentions\nWhich drugs the literature names."));
        Map<String, List<String>> parents = new LinkedHashMap<>();
        parents.put(SEED, List.of());
        parents.put(PUBMED, List.of());
        parents.put(TRIALS, List.of());
        parents.put(STG_PUBMED, List.of(PUBMED));
        parents.put(STG_TRIALS, List.of(TRIALS));
        parents.put(MENTIONS, List.of(STG_TRIALS, STG_PUBMED, SEED));
        parents.put(NOT_NULL, List.of(MENTIONS));
        Map<String, List<String>> children = new LinkedHashMap<>();
        children.put(SEED, List.of(MENTIONS));
        children.put(PUBMED, List.of(STG_PUBMED));
        children.put(TRIALS, List.of(STG_TRIALS));
        children.put(STG_PUBMED, List.of(MENTIONS));
        children.put(STG_TRIALS, List.of(MENTIONS));
        children.put(MENTIONS, List.of(NOT_NULL));
        children.put(NOT_NULL, List.of());
        return new Manifest(PROJECT, nodes, sources, macros, docs, parents, children);
    }

    static Node seed() {
        return node(SEED, ResourceType.SEED, "drugs", "drugs.csv", "seeds/drugs.csv", "atccode,drug\nA04AD,DIPHENHYDRAMINE\n",
                config("quote_columns", false), "The drugs to look for.",
                columns(new ColumnDef("atccode", "ATC code.", "text", Map.of(), List.of(), List.of("not_null")),
                        new ColumnDef("drug", "Drug name, upper case.", "text", Map.of(), List.of(), List.of())),
                List.of(), List.of(), List.of(), List.of(), "\"sluice\".\"analytics\".\"drugs\"",
                PROJECT + "://seeds/properties.yml");
    }

    static Node stgPubmed() {
        return node(STG_PUBMED, ResourceType.MODEL, "stg_pubmed", "staging/stg_pubmed.sql",
                "models/staging/stg_pubmed.sql",
                "select id, {{ normalize_title('title') }} as title, date from {{ source('raw', 'pubmed') }}",
                config("materialized", "view", "tags", List.of("staging")), "PubMed articles, cleaned.",
                columns(new ColumnDef("title", "{{ doc('article_title') }}", null, Map.of(), List.of(), List.of())),
                List.of(), List.of(new SourceCall("raw", "pubmed", 1)), List.of(PUBMED),
                List.of("macro.drug_mentions.normalize_title"), "\"sluice\".\"analytics\".\"stg_pubmed\"",
                PROJECT + "://models/staging/schema.yml");
    }

    static Node stgTrials() {
        return node(STG_TRIALS, ResourceType.MODEL, "stg_trials", "staging/stg_trials.sql",
                "models/staging/stg_trials.sql", "select id, scientific_title as title from {{ source('raw', 'clinical_trials') }}",
                config("materialized", "ephemeral"), "", columns(), List.of(),
                List.of(new SourceCall("raw", "clinical_trials", 1)), List.of(TRIALS), List.of(), null, null);
    }

    static Node mentions() {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put("materialized", "table");
        cfg.put("tags", List.of("mart"));
        cfg.put("post-hook", List.of("analyze {{ this }}"));
        cfg.put("indexes", List.of(Map.of("columns", List.of("drug"))));
        cfg.put("docs", Map.of("node_color", "#1f77b4"));
        return node(MENTIONS, ResourceType.MODEL, "drug_mentions", "marts/drug_mentions.sql",
                "models/marts/drug_mentions.sql",
                "select * from {{ ref('stg_pubmed') }} join {{ ref('stg_trials') }} using (title) join {{ ref('drugs') }} on true",
                new NodeConfig(cfg), "One row per drug named in an article or a trial.",
                columns(new ColumnDef("mention_id", "Surrogate key.", "text", Map.of(), List.of(),
                                List.of("unique", Map.of("not_null", Map.of("severity", "warn")))),
                        new ColumnDef("drug", "The drug named.", "text", Map.of("pii", false), List.of("dimension"),
                                List.of())),
                List.of(new RefCall(null, "stg_pubmed", null, 1), new RefCall(null, "stg_trials", null, 1),
                        new RefCall(null, "drugs", null, 1)),
                List.of(), List.of(STG_PUBMED, STG_TRIALS, SEED), List.of(),
                "\"sluice\".\"analytics\".\"drug_mentions\"", PROJECT + "://models/marts/schema.yml");
    }

    static Node notNullTest() {
        return node(NOT_NULL, ResourceType.TEST, "not_null_drug_mentions_mention_id",
                "not_null_drug_mentions_mention_id.sql", "models/marts/schema.yml",
                "{{ test_not_null(**_dbt_generic_test_kwargs) }}", config("severity", "warn"), "", columns(),
                List.of(new RefCall(null, "drug_mentions", null, 0)), List.of(), List.of(MENTIONS),
                List.of("macro.dbt.test_not_null"), null, null);
    }

    static Node legacy() {
        return node(LEGACY, ResourceType.MODEL, "legacy_mentions", "legacy_mentions.sql",
                "models/legacy_mentions.sql", "select 1 as id", config("enabled", false), "", columns(), List.of(),
                List.of(), List.of(), List.of(), "\"sluice\".\"analytics\".\"legacy_mentions\"", null);
    }

    static Map<String, CompiledNode> compiled() {
        Map<String, CompiledNode> m = new LinkedHashMap<>();
        m.put(STG_PUBMED, new CompiledNode("target/compiled/drug_mentions/models/staging/stg_pubmed.sql",
                "select id, lower(trim(title)) as title, date from \"sluice\".\"raw\".\"pubmed\"", List.of()));
        m.put(MENTIONS, new CompiledNode("target/compiled/drug_mentions/models/marts/drug_mentions.sql",
                "with __dbt__cte__stg_trials as (\nselect id, scientific_title as title from \"sluice\".\"raw\".\"clinical_trials\"\n)"
                        + " select * from \"sluice\".\"analytics\".\"stg_pubmed\" join __dbt__cte__stg_trials using (title)"
                        + " join \"sluice\".\"analytics\".\"drugs\" on true",
                List.of(new CompiledNode.InjectedCte(STG_TRIALS, " __dbt__cte__stg_trials as (\nselect id,"
                        + " scientific_title as title from \"sluice\".\"raw\".\"clinical_trials\"\n)"))));
        return m;
    }

    /** A {@code build} where everything passes. */
    static RunResult successfulRun() {
        return new RunResult("build", INVOCATION_ID, STARTED_AT, Duration.ofMillis(3_412), List.of(
                result(seed(), NodeStatus.SUCCESS, "INSERT 0 1", at(0.100), 0.250, 1, null),
                result(stgPubmed(), NodeStatus.SUCCESS, "CREATE VIEW", at(0.400), 0.083, -1, null),
                result(mentions(), NodeStatus.SUCCESS, "SELECT 12", at(0.600), 1.5, 12, null),
                result(notNullTest(), NodeStatus.PASS, "PASS", at(2.200), 0.04, 0, null)));
    }

    /** A {@code build} where a model fails, its child is skipped and a test warns. */
    static RunResult failedRun() {
        SluiceException error = SluiceException.database("db.error", Location.of("models/staging/stg_pubmed.sql", 1),
                "Cannot build model stg_pubmed: relation \"raw.pubmed\" does not exist", null);
        return new RunResult("build", INVOCATION_ID, STARTED_AT, Duration.ofMillis(1_250), List.of(
                result(seed(), NodeStatus.SUCCESS, "INSERT 0 1", at(0.100), 0.25, 1, null),
                result(stgPubmed(), NodeStatus.ERROR, "ERROR", at(0.400), 0.02, -1, error),
                result(mentions(), NodeStatus.SKIPPED, "SKIP", null, 0, -1, null),
                result(notNullTest(), NodeStatus.WARN, "Got 2 results, configured to warn if != 0", at(0.9), 0.03, 2,
                        null)));
    }

    static Map<String, ExecutionDetails> executionDetails() {
        Map<String, ExecutionDetails> m = new LinkedHashMap<>();
        m.put(STG_PUBMED, new ExecutionDetails("Thread-2 (worker)", compiled().get(STG_PUBMED).compiledCode(),
                "\"sluice\".\"analytics\".\"stg_pubmed\"", at(0.390), at(0.399)));
        m.put(MENTIONS, new ExecutionDetails("Thread-1 (worker)", compiled().get(MENTIONS).compiledCode(),
                "\"sluice\".\"analytics\".\"drug_mentions\"", at(0.580), at(0.598)));
        m.put(SEED, new ExecutionDetails("Thread-1 (worker)", null, null, null, null));
        m.put(NOT_NULL, new ExecutionDetails("Thread-3 (worker)",
                "select mention_id from \"sluice\".\"analytics\".\"drug_mentions\" where mention_id is null", null,
                at(2.190), at(2.199)));
        return m;
    }

    static NodeResult result(Node n, NodeStatus status, String message, Instant started, double seconds, long rows,
            SluiceException error) {
        NodeInfo info = new NodeInfo(n.uniqueId(), n.name(), n.resourceType(), n.originalFilePath(), n.materialized(),
                n.relationName() == null ? null : n.displayRelation(), n.tags(), n.fqn());
        return new NodeResult(info, status, message, started, Duration.ofNanos(Math.round(seconds * 1e9)), rows, error);
    }

    private static Instant at(double secondsAfterStart) {
        return STARTED_AT.plusNanos(Math.round(secondsAfterStart * 1e9));
    }

    static NodeConfig config(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return new NodeConfig(m);
    }

    static Map<String, ColumnDef> columns(ColumnDef... columns) {
        Map<String, ColumnDef> m = new LinkedHashMap<>();
        for (ColumnDef c : columns) {
            m.put(c.name(), c);
        }
        return m;
    }

    static Node node(String id, ResourceType type, String name, String path, String file, String rawCode,
            NodeConfig config, String description, Map<String, ColumnDef> columns, List<RefCall> refs,
            List<SourceCall> sources, List<String> dependsOn, List<String> macros, String relation, String patchPath) {
        List<String> fqn = new ArrayList<>();
        fqn.add(PROJECT);
        String[] folders = path.split("/");
        for (int i = 0; i < folders.length - 1; i++) {
            fqn.add(folders[i]);
        }
        fqn.add(name);
        String schema = type == ResourceType.TEST ? SCHEMA + "_dbt_test__audit" : SCHEMA;
        return new Node(id, type, PROJECT, name, path, file, rawCode, "sql", fqn, Checksum.sha256(rawCode), config,
                Map.of(), description, columns, Map.of(), config.tags(), refs, sources, dependsOn, macros, DATABASE,
                schema, name, relation, patchPath, CREATED_AT, null);
    }

    static SourceDef source(String table, String description, NodeConfig config,
            Map<String, ColumnDef> columns) {
        return new SourceDef("source." + PROJECT + ".raw." + table, PROJECT, "raw", table, "models/staging/sources.yml",
                "models/staging/sources.yml", List.of(PROJECT, "staging", "raw", table), DATABASE, "raw", table,
                "csv", description, "Files as the publishers deliver them.", columns, Map.of(),
                Map.of("owner", "ingest"), List.of(), config, "\"sluice\".\"raw\".\"" + table + "\"",
                1, CREATED_AT, config.values().containsKey("freshness")
                        ? FreshnessThreshold.parse(config.get("freshness"), null, table) : FreshnessThreshold.UNSET,
                config.string("loaded_at_field", null), null);
    }
}
