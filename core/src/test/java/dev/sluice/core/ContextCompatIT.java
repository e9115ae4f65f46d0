package dev.sluice.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.api.NodeResult;
import dev.sluice.core.api.RunResult;
import dev.sluice.core.api.Selection;
import dev.sluice.core.api.SluiceEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compatibility corpus for dbt's Jinja context: a project whose macros are written the way
 * popular packages (dbt-utils above all) write theirs — star and union over introspected columns,
 * a pivot over values read with a statement block, surrogate keys from the cross-database macros,
 * a date spine, graph walking — built on real PostgreSQL and checked row by row.
 */
class ContextCompatIT {
    @TempDir
    Path dir;
    Path project;
    String schema;
    final List<String> messages = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() {
        project = dir.resolve("compat");
        schema = TestingDatabase.freshSchema("compat");
        TestingProjects.newProject(project, "compat", schema, """
                models:
                  compat:
                    +materialized: table
                """);
        TestingProjects.write(project.resolve("seeds/orders.csv"), """
                id,customer,status,amount,ordered_at
                1,ada,placed,10.50,2024-01-03
                2,bob,shipped,7.25,2024-01-15
                3,ada,shipped,30.00,2024-02-01
                4,cy,returned,15.00,2024-02-20
                """);
        TestingProjects.write(project.resolve("seeds/refunds.csv"), "id,amount,reason\n4,15.00,damaged\n");
        TestingProjects.write(project.resolve("macros/utils.sql"), """
                {# every column of a relation but some, quoted: dbt-utils' star #}
                {% macro star(from, except=[]) -%}
                  {%- if not execute -%}{{ return('*') }}{%- endif -%}
                  {%- set cols = [] -%}
                  {%- for col in adapter.get_columns_in_relation(from) -%}
                    {%- if col.name | lower not in except | map('lower') | list -%}
                      {%- do cols.append(col.quoted) -%}
                    {%- endif -%}
                  {%- endfor -%}
                  {{- cols | join(', ') -}}
                {%- endmacro %}

                {# distinct values of a column, read with a statement block #}
                {% macro get_column_values(table, column) -%}
                  {%- if not execute -%}{{ return([]) }}{%- endif -%}
                  {%- call statement('values', fetch_result=True) -%}
                    select distinct {{ column }} from {{ table }} order by 1
                  {%- endcall -%}
                  {{- return(load_result('values')['data'] | map(attribute=0) | list) -}}
                {%- endmacro %}

                {% macro pivot(column, values, agg='sum', then_value=1) -%}
                  {%- for v in values -%}
                    {{ agg }}(case when {{ column }} = '{{ dbt.escape_single_quotes(v) }}' then {{ then_value }} else 0 end)
                      as {{ adapter.quote(column ~ '_' ~ v) }}{% if not loop.last %},{% endif %}
                  {% endfor -%}
                {%- endmacro %}

                {# union relations with different columns, nulls where a relation lacks one #}
                {% macro union_relations(relations) -%}
                  {%- set names = [] -%}
                  {%- set types = {} -%}
                  {%- for r in relations -%}
                    {%- for col in adapter.get_columns_in_relation(r) -%}
                      {%- if col.name not in names -%}{%- do names.append(col.name) -%}{%- do types.update({col.name: col.data_type}) -%}{%- endif -%}
                    {%- endfor -%}
                  {%- endfor -%}
                  {%- for r in relations %}
                    {%- set have = adapter.get_columns_in_relation(r) | map(attribute='name') | list %}
                  select '{{ r.identifier }}' as _source_relation,
                    {%- for n in names %}
                    {% if n in have %}{{ adapter.quote(n) }}{% else %}cast(null as {{ types[n] }}){% endif %} as {{ adapter.quote(n) }}{% if not loop.last %},{% endif %}
                    {%- endfor %}
                  from {{ r }}
                  {% if not loop.last %}union all{% endif %}
                  {%- endfor %}
                {%- endmacro %}

                {% macro generate_surrogate_key(field_list) -%}
                  {%- set fields = [] -%}
                  {%- for field in field_list -%}
                    {%- do fields.append("coalesce(cast(" ~ field ~ " as " ~ dbt.type_string() ~ "), '_null_')") -%}
                    {%- if not loop.last %}{% do fields.append("'-'") %}{% endif -%}
                  {%- endfor -%}
                  {{ dbt.hash(dbt.concat(fields)) }}
                {%- endmacro %}

                {# the models of this project that are tables, from the graph #}
                {% macro table_models() -%}
                  {%- set found = [] -%}
                  {%- for node in graph.nodes.values() | selectattr('resource_type', 'equalto', 'model') -%}
                    {%- if node.config.materialized == 'table' and node.package_name == project_name -%}
                      {%- do found.append(node.name) -%}
                    {%- endif -%}
                  {%- endfor -%}
                  {{ return(found | sort) }}
                {%- endmacro %}
                """);
        TestingProjects.write(project.resolve("models/orders_star.sql"),
                "select {{ star(ref('orders'), except=['ordered_at', 'STATUS']) }} from {{ ref('orders') }}\n");
        TestingProjects.write(project.resolve("models/orders_pivot.sql"), """
                select customer,
                  {{ pivot('status', get_column_values(ref('orders'), 'status')) }}
                from {{ ref('orders') }}
                group by customer
                """);
        TestingProjects.write(project.resolve("models/money_moves.sql"),
                "{{ union_relations([ref('orders'), ref('refunds')]) }}\n");
        TestingProjects.write(project.resolve("models/keyed.sql"), """
                select id, {{ generate_surrogate_key(['customer', 'status']) }} as order_key,
                       md5(customer || '-' || status) as expected_key
                from {{ ref('orders') }}
                """);
        TestingProjects.write(project.resolve("models/calendar.sql"), """
                with spine as (
                  {{ dbt.date_spine('day', "cast('2024-01-30' as date)", "cast('2024-02-02' as date)") }}
                )
                select cast(date_day as date) as day,
                       {{ dbt.last_day('date_day', 'month') }} as month_end,
                       {{ dbt.datediff("cast('2024-01-01' as date)", 'date_day', 'day') }} as since_new_year,
                       {{ dbt.dateadd('month', 1, 'date_day') }} as next_month
                from spine
                """);
        TestingProjects.write(project.resolve("models/cross_db.sql"), """
                select
                  {{ dbt.split_part("'a-b-c'", "'-'", 2) }} as part,
                  {{ dbt.safe_cast("'42'", api.Column.create('n', 'integer').data_type) }} as n,
                  {{ dbt.listagg('customer', "', '", 'order by customer') }} as customers,
                  {{ dbt.any_value('1') }} as one,
                  {{ dbt.bool_or('amount > 20') }} as big,
                  {{ dbt.right("'sluice'", 3) }} as tail,
                  {{ dbt.position("'ic'", "'sluice'") }} as at,
                  {{ dbt.array_construct([1, 2]) }} as arr,
                  '{{ local_md5('abc') }}' as md5,
                  '{{ (fromyaml('a: [1, 2]')['a'] | sum) }}' as from_yaml,
                  '{{ zip([1, 2], ['x', 'y']) | map('join', ':') | join(',') }}' as zipped,
                  '{{ set([3, 1, 3]) | list | join(',') }}' as distinct_items,
                  '{{ flags.WHICH }}' as which,
                  '{{ selected_resources | length }}' as selected,
                  '{{ table_models() | join(',') }}' as tables
                from {{ ref('orders') }}
                """);
    }

    private RunResult build() {
        try (Sluice sluice = Sluice.configure().projectDir(project).environment(Map.of("HOME", dir.toString()))
                .listener(e -> {
                    if (e instanceof SluiceEvent.Message m) {
                        messages.add(m.level() + " " + m.text());
                    }
                }).load()) {
            return sluice.build(Selection.all());
        }
    }

    private List<List<Object>> rows(String sql) {
        return TestingDatabase.adapter().withConnection(c -> c.query(sql.replace("S.", "\"" + schema + "\".")).rows());
    }

    @Test
    void packageStyleMacrosBuildTheExpectedRows() {
        RunResult r = build();
        assertThat(r.success()).as(r.results().stream().filter(n -> n.status().failed()).map(NodeResult::message)
                .toList().toString()).isTrue();

        assertThat(rows("select column_name from information_schema.columns where table_schema = '" + schema
                + "' and table_name = 'orders_star' order by ordinal_position")).extracting(row -> row.get(0))
                .containsExactly("id", "customer", "amount");
        assertThat(rows("select customer, status_placed, status_returned, status_shipped from S.orders_pivot order by 1"))
                .containsExactly(List.of("ada", 1L, 0L, 1L), List.of("bob", 0L, 0L, 1L), List.of("cy", 0L, 1L, 0L));
        assertThat(rows("select _source_relation, id, customer, reason from S.money_moves order by 1, 2")).containsExactly(
                java.util.Arrays.asList("orders", 1, "ada", null), java.util.Arrays.asList("orders", 2, "bob", null),
                java.util.Arrays.asList("orders", 3, "ada", null), java.util.Arrays.asList("orders", 4, "cy", null),
                java.util.Arrays.asList("refunds", 4, null, "damaged"));
        assertThat(rows("select count(*) from S.keyed where order_key = expected_key").get(0).get(0)).isEqualTo(4L);
        assertThat(rows("select day::text, month_end::text, since_new_year, next_month::date::text from S.calendar order by 1"))
                .containsExactly(List.of("2024-01-30", "2024-01-31", 29, "2024-02-29"),
                        List.of("2024-01-31", "2024-01-31", 30, "2024-02-29"),
                        List.of("2024-02-01", "2024-02-29", 31, "2024-03-01"));
        List<Object> x = rows("select part, n, customers, one, big, tail, at, arr::text, md5, from_yaml, zipped,"
                + " distinct_items, which, selected, tables from S.cross_db limit 1").get(0);
        assertThat(x).containsExactly("b", 42, "ada, ada, bob, cy", 1, true, "ice", 4, "{1,2}",
                "900150983cd24fb0d6963f7d28e17f72", "3", "1:x,2:y", "3,1", "build", "8",
                "calendar,cross_db,keyed,money_moves,orders_pivot,orders_star");
    }

    @Test
    void printLogAndWarnReachTheListener() {
        TestingProjects.write(project.resolve("models/noisy.sql"), """
                {% do print('printing', 1, none) %}
                {% do log('logged', info=True) %}
                {% do exceptions.warn('careful') %}
                select 1 as x
                """);
        RunResult r = build();
        assertThat(r.success()).isTrue();
        assertThat(messages).contains("INFO printing 1 None", "INFO logged", "WARN careful");
    }
}
