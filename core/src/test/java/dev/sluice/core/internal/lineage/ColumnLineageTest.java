package dev.sluice.core.internal.lineage;

import static dev.sluice.core.internal.lineage.OutputColumn.Kind.CONSTANT;
import static dev.sluice.core.internal.lineage.OutputColumn.Kind.DIRECT;
import static dev.sluice.core.internal.lineage.OutputColumn.Kind.EXPRESSION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.internal.lineage.OutputColumn.Kind;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ColumnLineageTest {
    private static final RelationName A = RelationName.of("a");
    private static final RelationName B = RelationName.of("b");
    private static final RelationName C = RelationName.of("c");

    /** cmp_publication_mentions as Sluice compiles it (whole_word expanded). */
    static final String PUBLICATION_MENTIONS = """
            -- A drug is mentioned by a publication when its name appears in the title as a whole word,
            -- in any case: ETHANOL in "acute ethanol withdrawal", not in "Ethanolamine".
            with publications as (
                select 'pubmed' as publication_type, id, title, published_on, journal
                from "sluice"."rsv"."rsv_pubmed"
                union all
                select 'clinical_trial', id, scientific_title, published_on, journal
                from "sluice"."rsv"."rsv_clinical_trials"
            )

            select
                d.atccode,
                d.drug,
                p.publication_type,
                p.id as publication_id,
                p.title,
                p.published_on,
                p.journal
            from "sluice"."rsv"."rsv_drugs" as d
            join publications as p
              on p.title ~* ('\\m' || regexp_replace(d.drug, '([.^$*+?()\\[\\]{}|\\\\])', '\\\\\\1', 'g') || '\\M')
            """;

    /** mrt_drug_graph as compiled: json_agg(... order by ... collate "C"), left joins to CTEs. */
    static final String DRUG_GRAPH = """
            -- The link graph, one row per drug: the PubMed articles, clinical trials and journals that
            -- mention it, with dates. Exported to output/drug_mentions.json (see dbt_project.yml).
            with publications as (
                select
                    atccode,
                    publication_type,
                    json_agg(
                        json_build_object('id', publication_id, 'title', title, 'date', published_on, 'journal', journal)
                        order by published_on, publication_id collate "C"
                    ) as items
                from "sluice"."cmp"."cmp_publication_mentions"
                group by atccode, publication_type
            ),

            journals as (
                select
                    atccode,
                    json_agg(json_build_object('journal', journal, 'date', mentioned_on) order by journal collate "C", mentioned_on) as items
                from "sluice"."cmp"."cmp_journal_mentions"
                group by atccode
            )

            select
                d.atccode,
                d.drug,
                coalesce(pm.items, '[]'::json) as pubmed,
                coalesce(ct.items, '[]'::json) as clinical_trials,
                coalesce(j.items, '[]'::json) as journals
            from "sluice"."rsv"."rsv_drugs" as d
            left join publications as pm on pm.atccode = d.atccode and pm.publication_type = 'pubmed'
            left join publications as ct on ct.atccode = d.atccode and ct.publication_type = 'clinical_trial'
            left join journals as j on j.atccode = d.atccode
            """;

    /** The ephemeral rsv_publications_checked (with its own WITH clause) injected into rsv_pubmed. */
    static final String PUBMED = """
            with __dbt__cte__rsv_publications_checked as (

            -- Every raw publication row from the three files, cleaned, with the reason it is rejected
            with raw as (
                select 'pubmed' as publication_type, 'pubmed.csv' as source_file,
                       id::text as raw_id, title as raw_title, "date"::text as raw_date, journal as raw_journal
                from "sluice"."seed"."pubmed"
                union all
                select 'pubmed', 'pubmed.json', id::text, title, "date"::text, journal
                from "sluice"."seed"."pubmed_json"
                union all
                select 'clinical_trial', 'clinical_trials.csv', id::text, scientific_title, "date"::text, journal
                from "sluice"."seed"."clinical_trials"
            ),

            cleaned as (
                select
                    publication_type,
                    source_file,
                    raw_id,
                    raw_title,
                    nullif(btrim(regexp_replace(regexp_replace(raw_id::text, '\\\\x[0-9a-fA-F]{2}', '', 'g'), '\\s+', ' ', 'g')), '') as id,
                    nullif(btrim(regexp_replace(regexp_replace(raw_title::text, '\\\\x[0-9a-fA-F]{2}', '', 'g'), '\\s+', ' ', 'g')), '') as title,
                    nullif(btrim(regexp_replace(regexp_replace(raw_date::text, '\\\\x[0-9a-fA-F]{2}', '', 'g'), '\\s+', ' ', 'g')), '') as date_text,
                    nullif(btrim(regexp_replace(regexp_replace(raw_journal::text, '\\\\x[0-9a-fA-F]{2}', '', 'g'), '\\s+', ' ', 'g')), '') as journal
                from raw
            )

            select
                publication_type,
                source_file,
                raw_id,
                raw_title,
                id,
                title,
                case
                    when date_text ~ '^\\d{4}-\\d{2}-\\d{2}$' then to_date(date_text, 'YYYY-MM-DD')
                    when date_text ~ '^\\d{1,2}/\\d{1,2}/\\d{4}$' then to_date(date_text, 'DD/MM/YYYY')
                    when date_text ~ '^\\d{1,2} [A-Za-z]+ \\d{4}$' then to_date(date_text, 'DD FMMonth YYYY')
                end as published_on,
                journal,
                case
                    when id is null then 'missing id'
                    when title is null then 'missing title'
                end as rejection_reason
            from cleaned
            )select id, title, published_on, journal, source_file
            from __dbt__cte__rsv_publications_checked
            where publication_type = 'pubmed'
              and rejection_reason is null
            """;

    private final TestingCatalog drugs = TestingCatalog.drugProject();
    private final TestingCatalog small = TestingCatalog.small();

    private static SourceColumn src(String schema, String table, String column) {
        return new SourceColumn(RelationName.of("sluice", schema, table), column);
    }

    private static SourceColumn src(RelationName relation, String column) {
        return new SourceColumn(relation, column);
    }

    private static OutputColumn col(int position, String name, Kind kind, SourceColumn... sources) {
        return new OutputColumn(position, name, kind, List.of(sources), null);
    }

    private LineageResult analyze(String sql) {
        return ColumnLineage.analyze(sql, small);
    }

    /** Analyses a query that must be analysed completely, every column without a problem. */
    private List<OutputColumn> columns(String sql) {
        LineageResult r = analyze(sql);
        assertThat(r.problem()).isNull();
        assertThat(r.columns()).allSatisfy(c -> assertThat(c.problem()).as(c.name()).isNull());
        return r.columns();
    }

    private OutputColumn only(String sql) {
        LineageResult r = analyze(sql);
        assertThat(r.problem()).isNull();
        assertThat(r.columns()).hasSize(1);
        return r.columns().get(0);
    }

    // --- the project's models

    @Test
    void tracesTheBriefsExampleThroughAUnionInACte() {
        LineageResult r = ColumnLineage.analyze(PUBLICATION_MENTIONS, drugs);

        assertThat(r.problem()).isNull();
        assertThat(r.columns()).containsExactly(
                col(0, "atccode", DIRECT, src("rsv", "rsv_drugs", "atccode")),
                col(1, "drug", DIRECT, src("rsv", "rsv_drugs", "drug")),
                col(2, "publication_type", CONSTANT),
                col(3, "publication_id", DIRECT, src("rsv", "rsv_pubmed", "id"), src("rsv", "rsv_clinical_trials", "id")),
                col(4, "title", DIRECT, src("rsv", "rsv_pubmed", "title"),
                        src("rsv", "rsv_clinical_trials", "scientific_title")),
                col(5, "published_on", DIRECT, src("rsv", "rsv_pubmed", "published_on"),
                        src("rsv", "rsv_clinical_trials", "published_on")),
                col(6, "journal", DIRECT, src("rsv", "rsv_pubmed", "journal"),
                        src("rsv", "rsv_clinical_trials", "journal")));
    }

    @Test
    void tracesTheDrugGraphThroughJsonAggregatesAndLeftJoins() {
        LineageResult r = ColumnLineage.analyze(DRUG_GRAPH, drugs);

        SourceColumn[] publications = {src("cmp", "cmp_publication_mentions", "publication_id"),
                src("cmp", "cmp_publication_mentions", "title"), src("cmp", "cmp_publication_mentions", "published_on"),
                src("cmp", "cmp_publication_mentions", "journal")};
        assertThat(r.problem()).isNull();
        assertThat(r.columns()).containsExactly(
                col(0, "atccode", DIRECT, src("rsv", "rsv_drugs", "atccode")),
                col(1, "drug", DIRECT, src("rsv", "rsv_drugs", "drug")),
                col(2, "pubmed", EXPRESSION, publications),
                col(3, "clinical_trials", EXPRESSION, publications),
                col(4, "journals", EXPRESSION, src("cmp", "cmp_journal_mentions", "journal"),
                        src("cmp", "cmp_journal_mentions", "mentioned_on")));
    }

    @Test
    void tracesAnEphemeralModelWithItsOwnWithClauseToTheSeeds() {
        LineageResult r = ColumnLineage.analyze(PUBMED, drugs);

        assertThat(r.problem()).isNull();
        assertThat(r.columns()).containsExactly(
                col(0, "id", EXPRESSION, src("seed", "pubmed", "id"), src("seed", "pubmed_json", "id"),
                        src("seed", "clinical_trials", "id")),
                col(1, "title", EXPRESSION, src("seed", "pubmed", "title"), src("seed", "pubmed_json", "title"),
                        src("seed", "clinical_trials", "scientific_title")),
                col(2, "published_on", EXPRESSION, src("seed", "pubmed", "date"), src("seed", "pubmed_json", "date"),
                        src("seed", "clinical_trials", "date")),
                col(3, "journal", EXPRESSION, src("seed", "pubmed", "journal"), src("seed", "pubmed_json", "journal"),
                        src("seed", "clinical_trials", "journal")),
                col(4, "source_file", CONSTANT));
    }

    @Test
    void aCaseTakesItsConditionsAsSources() {
        String rejected = PUBMED.replace("""
                )select id, title, published_on, journal, source_file""", """
                )select source_file, raw_id, raw_title, rejection_reason""");

        LineageResult r = ColumnLineage.analyze(rejected, drugs);

        assertThat(r.problem()).isNull();
        assertThat(r.columns()).containsExactly(
                col(0, "source_file", CONSTANT),
                col(1, "raw_id", EXPRESSION, src("seed", "pubmed", "id"), src("seed", "pubmed_json", "id"),
                        src("seed", "clinical_trials", "id")),
                col(2, "raw_title", DIRECT, src("seed", "pubmed", "title"), src("seed", "pubmed_json", "title"),
                        src("seed", "clinical_trials", "scientific_title")),
                col(3, "rejection_reason", EXPRESSION, src("seed", "pubmed", "id"), src("seed", "pubmed_json", "id"),
                        src("seed", "clinical_trials", "id"), src("seed", "pubmed", "title"),
                        src("seed", "pubmed_json", "title"), src("seed", "clinical_trials", "scientific_title")));
    }

    @Test
    void expandsAStarInAnEphemeralCteThroughTheCatalog() {
        String customerTotals = """

                with __dbt__cte__big_orders as (

                select * from "sluice"."analytics_stg"."stg_orders" where amount > 10
                ), totals as (
                    select customer, round(amount * 100)::bigint as cents
                    from __dbt__cte__big_orders
                )
                select t.customer, c.country, sum(t.cents) as total_cents
                from totals t
                join "sluice"."analytics_raw"."customers" c on c.name = t.customer
                group by t.customer, c.country""";

        LineageResult r = ColumnLineage.analyze(customerTotals, drugs);

        assertThat(r.problem()).isNull();
        assertThat(r.columns()).containsExactly(
                col(0, "customer", DIRECT, src("analytics_stg", "stg_orders", "customer")),
                col(1, "country", DIRECT, src("analytics_raw", "customers", "country")),
                col(2, "total_cents", EXPRESSION, src("analytics_stg", "stg_orders", "amount")));
    }

    // --- identifiers

    @Test
    void foldsUnquotedNamesToLowerCaseAndKeepsQuotedOnes() {
        assertThat(columns("select A.Id, a.\"name\" as \"Full Name\", A.AMOUNT as Total from A")).containsExactly(
                col(0, "id", DIRECT, src(A, "id")),
                col(1, "Full Name", DIRECT, src(A, "name")),
                col(2, "total", DIRECT, src(A, "amount")));
        RelationName mixed = RelationName.of("Mixed", "Case");
        assertThat(columns("select \"Id\", m.\"Name\" from \"Mixed\".\"Case\" m")).containsExactly(
                col(0, "Id", DIRECT, src(mixed, "Id")),
                col(1, "Name", DIRECT, src(mixed, "Name")));
    }

    @Test
    void anUnquotedNameDoesNotMatchAQuotedMixedCaseColumn() {
        LineageResult r = analyze("select id from \"Mixed\".\"Case\"");

        assertThat(r.columns()).containsExactly(new OutputColumn(0, "id", EXPRESSION, List.of(),
                "column 'id' is in no FROM item"));
    }

    @Test
    void namesRelationsWithOneTwoOrThreeParts() {
        assertThat(only("select x from t").sources()).containsExactly(src(RelationName.of("t"), "x"));
        assertThat(only("select x from S.T").sources()).containsExactly(src(RelationName.of("s", "t"), "x"));
        assertThat(only("select x from \"db\".\"s\".\"t\"").sources())
                .containsExactly(src(RelationName.of("db", "s", "t"), "x"));
        assertThat(only("select s.t.x from s.t").sources()).containsExactly(src(RelationName.of("s", "t"), "x"));
        assertThat(small.asked()).contains(RelationName.of("t"), RelationName.of("s", "t"),
                RelationName.of("db", "s", "t"));
    }

    @Test
    void asksTheCatalogOnceForEachRelation() {
        columns("select a.id, a2.name, (select max(x.amount) from a x) as m from a join a as a2 on a2.id = a.id");

        assertThat(small.asked()).containsExactly(A);
    }

    // --- output names

    @Test
    void namesColumnsAsPostgresDoes() {
        List<OutputColumn> cols = columns("""
                select a.id, a.name::text, cast(a.amount as numeric(10, 2)), '[]'::json, 1::int, 'x'::varchar(3),
                       2.5::double precision, upper(a.name), pg_catalog.lower(a.name), coalesce(a.name, ''),
                       case when a.id > 0 then 'p' end, case when a.id > 0 then 'p' else a.name end, a.amount + 1,
                       'lit', 42, null, true, interval '1 day', (select max(b.label) from b), exists(select 1 from b),
                       array[a.id], row(a.id, a.name), (a.id, a.name), extract(year from now()), trim(a.name),
                       current_date, current_user, date '2020-01-01', nullif(a.name, ''), greatest(a.id, 1),
                       a.name collate "C", (a.name), a.id as "Alias", a.id as Alias2, a.amount::int
                from a
                """);

        assertThat(cols).extracting(OutputColumn::name).containsExactly("id", "name", "amount", "json", "int4",
                "varchar", "float8", "upper", "lower", "coalesce", "case", "name", "?column?", "?column?", "?column?",
                "?column?", "bool", "interval", "max", "exists", "array", "row", "row", "extract", "btrim",
                "current_date", "current_user", "date", "nullif", "greatest", "name", "name", "Alias", "alias2",
                "amount");
        assertThat(cols).extracting(OutputColumn::position).containsExactlyElementsOf(IntStream.range(0, 35).boxed().toList());
    }

    @Test
    void namesAggregatesAndWindowFunctionsByTheirFunction() {
        assertThat(columns("""
                select count(*), count(distinct a.name), sum(a.amount) over (), json_agg(a.name order by a.id),
                       percentile_cont(0.5) within group (order by a.amount), count(*) filter (where a.id > 1)
                from a
                """)).extracting(OutputColumn::name)
                .containsExactly("count", "count", "sum", "json_agg", "percentile_cont", "count");
    }

    // --- kinds through CTE hops

    @Test
    void aColumnStaysDirectOnlyThroughPlainReferencesAcrossHops() {
        assertThat(columns("""
                with one as (select id as k, amount * 2 as dbl, 'x' as c from a),
                     two as (select k as key, dbl, c from one),
                     three as (select key, dbl as twice, c from two)
                select key, twice, c, upper(c) as shout from three
                """)).containsExactly(
                col(0, "key", DIRECT, src(A, "id")),
                col(1, "twice", EXPRESSION, src(A, "amount")),
                col(2, "c", CONSTANT),
                col(3, "shout", CONSTANT));
    }

    @Test
    void readsCteColumnListsAndNestedWithClauses() {
        assertThat(columns("with x(k, n) as (select id, name from a) select n, k from x")).containsExactly(
                col(0, "n", DIRECT, src(A, "name")),
                col(1, "k", DIRECT, src(A, "id")));
        assertThat(columns("""
                with x as (select id from a)
                select * from (with y as (select id as yid from x) select yid from y) s
                """)).containsExactly(col(0, "yid", DIRECT, src(A, "id")));
    }

    @Test
    void aCteHidesATableOfTheSameNameButNotASchemaQualifiedOne() {
        assertThat(columns("with a as (select 1 as id) select a.id, s.t.x from a, s.t")).containsExactly(
                col(0, "id", CONSTANT),
                col(1, "x", DIRECT, src(RelationName.of("s", "t"), "x")));
    }

    @Test
    void aNonRecursiveCteInAWithRecursiveClauseIsTraced() {
        assertThat(columns("with recursive e as (select id from a) select id from e"))
                .containsExactly(col(0, "id", DIRECT, src(A, "id")));
    }

    // --- joins and name resolution

    @Test
    void resolvesUnqualifiedColumnsByTheFromItemThatHasThem() {
        assertThat(columns("""
                select name, label, note
                from a
                left join b on b.a_id = a.id
                full outer join c on c.b_id = b.id
                """)).containsExactly(
                col(0, "name", DIRECT, src(A, "name")),
                col(1, "label", DIRECT, src(B, "label")),
                col(2, "note", DIRECT, src(C, "note")));
    }

    @Test
    void anUnqualifiedColumnInTwoFromItemsIsAmbiguous() {
        LineageResult r = analyze("select id, name from a join b on b.a_id = a.id");

        assertThat(r.problem()).isNull();
        assertThat(r.columns()).containsExactly(
                new OutputColumn(0, "id", EXPRESSION, List.of(), "column 'id' is ambiguous between a and b"),
                col(1, "name", DIRECT, src(A, "name")));
    }

    @Test
    void resolvesThroughCtesAndSubqueriesWithAliases() {
        assertThat(columns("""
                with big as (select id, amount from a where amount > 100)
                select big.amount, sub.label, lbl
                from big
                join (select a_id, label, upper(label) as lbl from b) as sub on sub.a_id = big.id
                """)).containsExactly(
                col(0, "amount", DIRECT, src(A, "amount")),
                col(1, "label", DIRECT, src(B, "label")),
                col(2, "lbl", EXPRESSION, src(B, "label")));
    }

    @Test
    void mergesJoinUsingColumnsAsPostgresDoes() {
        assertThat(columns("select * from a join b using (id)")).containsExactly(
                col(0, "id", DIRECT, src(A, "id")),
                col(1, "name", DIRECT, src(A, "name")),
                col(2, "amount", DIRECT, src(A, "amount")),
                col(3, "a_id", DIRECT, src(B, "a_id")),
                col(4, "label", DIRECT, src(B, "label")));
        assertThat(only("select id from a right join b using (id)")).isEqualTo(col(0, "id", DIRECT, src(B, "id")));
        assertThat(only("select id from a full join b using (id)"))
                .isEqualTo(col(0, "id", EXPRESSION, src(A, "id"), src(B, "id")));
        assertThat(only("select b.id from a join b using (id)")).isEqualTo(col(0, "id", DIRECT, src(B, "id")));
    }

    @Test
    void mergesTheCommonColumnsOfANaturalJoin() {
        assertThat(columns("select * from a natural join b")).extracting(OutputColumn::name)
                .containsExactly("id", "name", "amount", "a_id", "label");
        assertThat(only("select id from a natural left join b")).isEqualTo(col(0, "id", DIRECT, src(A, "id")));
    }

    @Test
    void aJoinAliasHidesTheTablesInIt() {
        LineageResult r = analyze("select j.label, a.name from (a join b on b.a_id = a.id) as j");

        assertThat(r.columns()).containsExactly(
                col(0, "label", DIRECT, src(B, "label")),
                new OutputColumn(1, "name", EXPRESSION, List.of(), "column a.name refers to no FROM item"));
    }

    @Test
    void readsParenthesisedJoinsAndQueries() {
        assertThat(columns("select * from ((select id from a) as s join b on b.a_id = s.id)"))
                .containsExactly(
                        col(0, "id", DIRECT, src(A, "id")),
                        col(1, "id", DIRECT, src(B, "id")),
                        col(2, "a_id", DIRECT, src(B, "a_id")),
                        col(3, "label", DIRECT, src(B, "label")));
        assertThat(columns("((select id from a))")).containsExactly(col(0, "id", DIRECT, src(A, "id")));
    }

    @Test
    void aCorrelatedSubqueryReadsTheOuterQueryAndTheInnerNameWins() {
        assertThat(columns("""
                select (select max(b.label) from b where b.a_id = a.id) as last_label,
                       (select b.label from b limit 1) as any_label,
                       (select name from b limit 1) as outer_name,
                       (select id from b limit 1) as inner_id
                from a
                """)).containsExactly(
                col(0, "last_label", EXPRESSION, src(B, "label")),
                col(1, "any_label", DIRECT, src(B, "label")),
                col(2, "outer_name", DIRECT, src(A, "name")),
                col(3, "inner_id", DIRECT, src(B, "id")));
    }

    @Test
    void aColumnOfAnUnknownTableInASubqueryIsItsOwnWhenNoOuterLevelCouldHaveIt() {
        assertThat(columns("select (select max(whatever) from unknown_t) as m from a"))
                .containsExactly(col(0, "m", EXPRESSION, src(RelationName.of("unknown_t"), "whatever")));
        assertThat(only("select (select max(name) from unknown_t) as m from a").problem())
                .isEqualTo("cannot tell where column 'name' comes from: the catalog does not know unknown_t");
    }

    @Test
    void aColumnWinsOverTheWholeRowOfAFromItemOfTheSameName() {
        small.with(RelationName.of("n"), "n", "v");

        assertThat(only("select n from n")).isEqualTo(col(0, "n", DIRECT, src(RelationName.of("n"), "n")));
        assertThat(only("select (n).v from n")).isEqualTo(col(0, "v", EXPRESSION, src(RelationName.of("n"), "n")));
        assertThat(only("select (a).name from a")).isEqualTo(col(0, "name", DIRECT, src(A, "name")));
    }

    // --- stars

    @Test
    void expandsStarsThroughTheCatalogCtesAndSubqueries() {
        assertThat(columns("select b.*, a.name from a join b on b.a_id = a.id")).containsExactly(
                col(0, "id", DIRECT, src(B, "id")),
                col(1, "a_id", DIRECT, src(B, "a_id")),
                col(2, "label", DIRECT, src(B, "label")),
                col(3, "name", DIRECT, src(A, "name")));
        assertThat(columns("with x as (select id, name as n from a) select * from x")).containsExactly(
                col(0, "id", DIRECT, src(A, "id")),
                col(1, "n", DIRECT, src(A, "name")));
        assertThat(columns("select * from (select id, amount * 2 as doubled from a) as sub")).containsExactly(
                col(0, "id", DIRECT, src(A, "id")),
                col(1, "doubled", EXPRESSION, src(A, "amount")));
        assertThat(columns("select x.* from a as x(i, n)")).containsExactly(
                col(0, "i", DIRECT, src(A, "id")),
                col(1, "n", DIRECT, src(A, "name")),
                col(2, "amount", DIRECT, src(A, "amount")));
    }

    @Test
    void aStarOverAnUnknownTableLeavesThePositionsUnknown() {
        LineageResult r = analyze("select a.id, u.*, a.name from a join unknown_t u on u.a_id = a.id");

        assertThat(r.columns()).containsExactly(col(0, "id", DIRECT, src(A, "id")));
        assertThat(r.problem()).isEqualTo(
                "Cannot list every output column: u.* cannot be expanded: the catalog does not know unknown_t");
        assertThat(analyze("select * from unknown_t").problem()).isEqualTo(
                "Cannot list every output column: * cannot be expanded: the catalog does not know unknown_t");
    }

    @Test
    void anUnknownTableStillTracesTheColumnsThatCanOnlyBeItsOwn() {
        assertThat(columns("select u.a_id, whatever, name from a join unknown_t u on u.a_id = a.id"))
                .containsExactly(
                        col(0, "a_id", DIRECT, src(RelationName.of("unknown_t"), "a_id")),
                        col(1, "whatever", DIRECT, src(RelationName.of("unknown_t"), "whatever")),
                        col(2, "name", DIRECT, src(A, "name")));
    }

    @Test
    void anUnqualifiedColumnTwoUnknownTablesMightHoldIsAProblem() {
        OutputColumn c = only("select x9 from unknown_t, unknown_u");

        assertThat(c.sources()).isEmpty();
        assertThat(c.problem()).isEqualTo("cannot tell where column 'x9' comes from: the catalog does not know "
                + "unknown_t; the catalog does not know unknown_u");
    }

    @Test
    void anUnusedCteOverAnUnknownTableIsNoProblemButAReadOfItIs() {
        assertThat(columns("with x as (select * from unknown_t) select a.id from a"))
                .containsExactly(col(0, "id", DIRECT, src(A, "id")));
        assertThat(only("with x as (select * from unknown_t) select x.foo from x")).isEqualTo(new OutputColumn(0,
                "foo", EXPRESSION, List.of(), "* cannot be expanded: the catalog does not know unknown_t"));
    }

    // --- set operations

    @Test
    void unionsTakeSourcesPerPositionFromEverySide() {
        assertThat(columns("select id, name from a union all select id, label from b")).containsExactly(
                col(0, "id", DIRECT, src(A, "id"), src(B, "id")),
                col(1, "name", DIRECT, src(A, "name"), src(B, "label")));
        assertThat(only("select id from a union select 1")).isEqualTo(col(0, "id", EXPRESSION, src(A, "id")));
        assertThat(only("(select id from a) union all (select id from b) order by 1"))
                .isEqualTo(col(0, "id", DIRECT, src(A, "id"), src(B, "id")));
    }

    @Test
    void intersectTakesBothSidesAndExceptOnlyItsLeftAndIntersectBindsTighter() {
        assertThat(only("select id from a intersect select id from b"))
                .isEqualTo(col(0, "id", DIRECT, src(A, "id"), src(B, "id")));
        assertThat(only("select id from a except select id from b")).isEqualTo(col(0, "id", DIRECT, src(A, "id")));
        assertThat(only("select id from a except select id from b union select id from c"))
                .isEqualTo(col(0, "id", DIRECT, src(A, "id"), src(C, "id")));
        assertThat(only("select id from a except select id from b intersect select id from c"))
                .isEqualTo(col(0, "id", DIRECT, src(A, "id")));
    }

    @Test
    void setOperationsOfDifferentWidthsCannotBeAnalysed() {
        LineageResult r = analyze("select id, name from a union select id from b");

        assertThat(r.columns()).isEmpty();
        assertThat(r.problem()).isEqualTo(
                "Cannot list every output column: the queries of a set operation return 2 and 1 columns");
    }

    // --- expressions

    @Test
    void anExpressionDerivesFromEveryColumnItReads() {
        assertThat(columns("""
                select a.amount * 2 + b.id as x,
                       a.name || ' ' || b.label as y,
                       coalesce(b.label, a.name) as z,
                       case when a.amount > 10 then b.label else 'small' end as w,
                       a.id::text as t,
                       json_build_object('id', a.id, 'name', a.name) as j,
                       a.amount + a.amount * a.id + a.amount as dup,
                       a.id = any (select b2.a_id from b as b2) as has_b
                from a join b on b.a_id = a.id
                """)).containsExactly(
                col(0, "x", EXPRESSION, src(A, "amount"), src(B, "id")),
                col(1, "y", EXPRESSION, src(A, "name"), src(B, "label")),
                col(2, "z", EXPRESSION, src(B, "label"), src(A, "name")),
                col(3, "w", EXPRESSION, src(A, "amount"), src(B, "label")),
                col(4, "t", EXPRESSION, src(A, "id")),
                col(5, "j", EXPRESSION, src(A, "id"), src(A, "name")),
                col(6, "dup", EXPRESSION, src(A, "amount"), src(A, "id")),
                col(7, "has_b", EXPRESSION, src(A, "id"), src(B, "a_id")));
    }

    @Test
    void aWindowFunctionDerivesFromItsArgumentsOnly() {
        assertThat(columns("""
                select row_number() over (partition by a.name order by a.amount) as rn,
                       sum(a.amount) over (partition by a.name order by a.id) as running,
                       lag(a.name, 1, 'none') over (order by a.id) as prev,
                       first_value(a.name) over w as fst
                from a
                window w as (order by a.id)
                """)).containsExactly(
                col(0, "rn", CONSTANT),
                col(1, "running", EXPRESSION, src(A, "amount")),
                col(2, "prev", EXPRESSION, src(A, "name")),
                col(3, "fst", EXPRESSION, src(A, "name")));
    }

    @Test
    void anAggregateDerivesFromItsArgumentsNotItsOrderNorItsFilter() {
        assertThat(columns("""
                select count(*) filter (where a.amount > 1) as big,
                       count(distinct a.name) as names,
                       json_agg(a.name order by a.amount) as j,
                       string_agg(a.name, ', ' order by a.id) as s,
                       sum(a.amount) filter (where a.id > 0) as total,
                       percentile_cont(0.5) within group (order by a.amount) as median
                from a
                """)).containsExactly(
                col(0, "big", CONSTANT),
                col(1, "names", EXPRESSION, src(A, "name")),
                col(2, "j", EXPRESSION, src(A, "name")),
                col(3, "s", EXPRESSION, src(A, "name")),
                col(4, "total", EXPRESSION, src(A, "amount")),
                col(5, "median", EXPRESSION, src(A, "amount")));
    }

    @Test
    void aWholeRowReferenceDerivesFromEveryColumnOfTheRow() {
        assertThat(columns("select row_to_json(a) as j, to_jsonb(b.*) as k from a join b on b.a_id = a.id"))
                .containsExactly(
                        col(0, "j", EXPRESSION, src(A, "id"), src(A, "name"), src(A, "amount")),
                        col(1, "k", EXPRESSION, src(B, "id"), src(B, "a_id"), src(B, "label")));
    }

    @Test
    void filtersJoinsGroupingAndOrderAreNoSources() {
        assertThat(columns("""
                select distinct on (a.name) a.name, count(b.id) as n
                from a
                join b on b.a_id = a.id and b.label <> a.name
                where b.label = 'x' and a.amount > (select avg(amount) from a)
                group by a.name
                having count(b.id) > 1
                order by a.name, max(a.amount) desc
                """)).containsExactly(
                col(0, "name", DIRECT, src(A, "name")),
                col(1, "n", EXPRESSION, src(B, "id")));
        assertThat(columns("select distinct name from a")).containsExactly(col(0, "name", DIRECT, src(A, "name")));
    }

    @Test
    void valuesListsAreConstants() {
        assertThat(columns("""
                select v.code, v.label, a.name
                from (values (1, 'one'), (2, 'two')) as v(code, label)
                join a on a.id = v.code
                """)).containsExactly(
                col(0, "code", CONSTANT),
                col(1, "label", CONSTANT),
                col(2, "name", DIRECT, src(A, "name")));
        assertThat(columns("select * from (values (1, 'x')) as v")).extracting(OutputColumn::name)
                .containsExactly("column1", "column2");
        assertThat(columns("values (1, 2), (3, 4)")).containsExactly(col(0, "column1", CONSTANT),
                col(1, "column2", CONSTANT));
    }

    // --- PostgreSQL syntax

    @Test
    void readsPostgresSpecificSyntax() {
        assertThat(columns("""
                select a.name::text as n,
                       a.name ~* '^x' as m,
                       a.name !~ 'y' as nm,
                       now() - interval '1 day' as i,
                       e'it\\'s' as e,
                       $$it's$$ as d,
                       $fn$ a ' b $fn$ as f,
                       a.id::numeric(10, 2) as num,
                       a.name collate "C" as c,
                       a.name is distinct from 'x' as dis
                from a /* a /* nested */ comment */
                where a.name ilike '%x%'
                order by a.name collate "C"
                """)).containsExactly(
                col(0, "n", EXPRESSION, src(A, "name")),
                col(1, "m", EXPRESSION, src(A, "name")),
                col(2, "nm", EXPRESSION, src(A, "name")),
                col(3, "i", CONSTANT),
                col(4, "e", CONSTANT),
                col(5, "d", CONSTANT),
                col(6, "f", CONSTANT),
                col(7, "num", EXPRESSION, src(A, "id")),
                col(8, "c", DIRECT, src(A, "name")),
                col(9, "dis", EXPRESSION, src(A, "name")));
    }

    @Test
    void readsSqlStandardFunctionSyntaxThroughTheSlowerParser() {
        assertThat(columns("select substring(a.name from 1 for 2) as sub, position('x' in a.name) as pos from a"))
                .containsExactly(
                        col(0, "sub", EXPRESSION, src(A, "name")),
                        col(1, "pos", EXPRESSION, src(A, "name")));
    }

    // --- what cannot be analysed

    @Test
    void aRecursiveCteIsAProblemOnTheColumnsThatReadIt() {
        LineageResult r = analyze("""
                with recursive r(n) as (select 1 union all select n + 1 from r where n < 10)
                select n, a.id from r, a
                """);

        assertThat(r.problem()).isNull();
        assertThat(r.columns().get(0).kind()).isEqualTo(EXPRESSION);
        assertThat(r.columns().get(0).sources()).isEmpty();
        assertThat(r.columns().get(0).problem()).isEqualTo("cannot tell where column 'n' comes from: "
                + "lineage through the recursive CTE r is not analysed");
        assertThat(r.columns().get(1)).isEqualTo(col(1, "id", DIRECT, src(A, "id")));
    }

    @Test
    void lateralSubqueriesAndSetReturningFunctionsInFromAreProblems() {
        LineageResult lateral = analyze("""
                select a.id, l.label from a, lateral (select label from b where b.a_id = a.id limit 1) l
                """);
        assertThat(lateral.columns()).containsExactly(
                col(0, "id", DIRECT, src(A, "id")),
                new OutputColumn(1, "label", EXPRESSION, List.of(), "LATERAL subqueries are not analysed"));

        LineageResult function = analyze("select g.i, a.name from a cross join generate_series(1, 3) as g(i)");
        assertThat(function.columns()).containsExactly(
                new OutputColumn(0, "i", EXPRESSION, List.of(),
                        "the set-returning function generate_series() in FROM is not analysed"),
                col(1, "name", DIRECT, src(A, "name")));

        LineageResult star = analyze("select * from a, lateral (select label from b where b.a_id = a.id) l");
        assertThat(star.columns()).extracting(OutputColumn::name).containsExactly("id", "name", "amount");
        assertThat(star.problem()).isEqualTo(
                "Cannot list every output column: * cannot be expanded: LATERAL subqueries are not analysed");
    }

    @Test
    void aReferenceToNoFromItemOrToNoColumnIsAProblem() {
        assertThat(only("select b.x from a"))
                .isEqualTo(new OutputColumn(0, "x", EXPRESSION, List.of(), "column b.x refers to no FROM item"));
        assertThat(only("select a.nope from a"))
                .isEqualTo(new OutputColumn(0, "nope", EXPRESSION, List.of(), "column nope is not a column of a"));
        assertThat(only("select upper(a.nope) || a.name as u from a")).isEqualTo(new OutputColumn(0, "u", EXPRESSION,
                List.of(src(A, "name")), "column nope is not a column of a"));
    }

    @Test
    void aQueryThatDoesNotParseIsAProblemNotAnException() {
        LineageResult r = analyze("select id,\nfrom a");

        assertThat(r.columns()).isEmpty();
        assertThat(r.problem()).startsWith("Cannot parse the query: Encountered unexpected token: \",\"")
                .contains("line 1, column 10")
                .doesNotContain("Was expecting");
    }

    @Test
    void anythingButOneSelectIsAProblem() {
        assertThat(analyze("insert into a select * from b").problem())
                .isEqualTo("Cannot analyse the query: only a SELECT has column lineage, not an Insert");
        assertThat(analyze("create table x as select 1").problem())
                .isEqualTo("Cannot analyse the query: only a SELECT has column lineage, not a CreateTable");
        assertThat(analyze("select 1; select 2").problem())
                .isEqualTo("Cannot parse the query: there is more after the first statement, at line 1, column 11");
        assertThat(analyze("select 1;").problem()).isNull();
        assertThat(analyze("  -- nothing\n").problem()).isEqualTo("Cannot analyse the query: it is empty");
    }

    @Test
    void postgresConstructsJsqlParserCannotReadAreParseProblems() {
        List<String> unreadable = List.of(
                "select x #- '{a}' from t",
                "select x from t where x between symmetric 1 and 2",
                "select * from rows from (generate_series(1, 2), generate_series(1, 3)) as g(a, b)",
                "with x as not materialized (select 1) select * from x",
                "select x from t where x !~~* 'a%'",
                "select sum(x) over (w rows unbounded preceding) from t window w as (order by y)",
                "select x from t order by x using <",
                "select f(x, y, 1, 2) over () from t",
                "select xmlelement(name a, x) from t",
                "select x as start from t");
        for (String sql : unreadable) {
            assertThat(analyze(sql).problem()).as(sql).startsWith("Cannot parse the query: ");
        }
    }

    @Test
    void aFailingCatalogFailsTheCallAsItIs() {
        IllegalStateException down = new IllegalStateException("catalog is down");

        assertThatThrownBy(() -> ColumnLineage.analyze("select id from a", relation -> {
            throw down;
        })).isSameAs(down);
    }

    @Test
    void isSafeToCallFromManyThreads() throws Exception {
        TestingCatalog catalog = TestingCatalog.drugProject();
        LineageResult expected = ColumnLineage.analyze(DRUG_GRAPH, catalog);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<LineageResult>> results = IntStream.range(0, 200)
                    .mapToObj(i -> pool.submit(() -> ColumnLineage.analyze(i % 2 == 0 ? DRUG_GRAPH : PUBMED, catalog)))
                    .toList();
            LineageResult pubmed = ColumnLineage.analyze(PUBMED, catalog);
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get()).isEqualTo(i % 2 == 0 ? expected : pubmed);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
