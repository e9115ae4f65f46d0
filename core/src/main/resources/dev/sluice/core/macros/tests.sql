{#- Sluice's implementations of dbt's four built-in generic data tests. Each test selects the rows
    that break it; a project overrides one by defining test_<name> or default__test_<name> (or an
    adapter-specific postgres__test_<name>), as in dbt. `model` is the tested relation, or a
    subquery of it when the test has a `where` config. -#}

{% test unique(model, column_name) -%}
  {{ adapter.dispatch('test_unique', 'dbt')(model, column_name) }}
{%- endtest %}

{% macro default__test_unique(model, column_name) -%}
select {{ column_name }} as unique_field, count(*) as n_records
from {{ model }}
where {{ column_name }} is not null
group by {{ column_name }}
having count(*) > 1
{%- endmacro %}

{% test not_null(model, column_name) -%}
  {{ adapter.dispatch('test_not_null', 'dbt')(model, column_name) }}
{%- endtest %}

{#- With store_failures the whole failing rows are kept; otherwise the column is enough. -#}
{% macro default__test_not_null(model, column_name) -%}
select {{ '*' if should_store_failures() else column_name }}
from {{ model }}
where {{ column_name }} is null
{%- endmacro %}

{% test accepted_values(model, column_name, values, quote=true) -%}
  {{ adapter.dispatch('test_accepted_values', 'dbt')(model, column_name, values, quote) }}
{%- endtest %}

{% macro default__test_accepted_values(model, column_name, values, quote=true) -%}
with observed as (
    select {{ column_name }} as value_field, count(*) as n_records
    from {{ model }}
    group by {{ column_name }}
)
select value_field, n_records
from observed
where value_field not in (
    {%- for value in values %}
    {% if quote %}'{{ value | replace("'", "''") }}'{% else %}{{ value }}{% endif %}{{ "," if not loop.last }}
    {%- endfor %}
)
{%- endmacro %}

{% test relationships(model, column_name, to, field) -%}
  {{ adapter.dispatch('test_relationships', 'dbt')(model, column_name, to, field) }}
{%- endtest %}

{#- Children whose key has no parent; null keys are not orphans. -#}
{% macro default__test_relationships(model, column_name, to, field) -%}
with child as (
    select {{ column_name }} as from_field
    from {{ model }}
    where {{ column_name }} is not null
),

parent as (
    select {{ field }} as to_field
    from {{ to }}
)

select child.from_field
from child
left join parent on child.from_field = parent.to_field
where parent.to_field is null
{%- endmacro %}

{#- The query a test runs: its failing rows counted with fail_calc, compared with warn_if and
    error_if, over at most `limit` rows. -#}
{% macro get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
  {{ adapter.dispatch('get_test_sql', 'dbt')(main_sql, fail_calc, warn_if, error_if, limit) }}
{%- endmacro %}

{% macro default__get_test_sql(main_sql, fail_calc, warn_if, error_if, limit) -%}
select
    {{ fail_calc }} as failures,
    {{ fail_calc }} {{ warn_if }} as should_warn,
    {{ fail_calc }} {{ error_if }} as should_error
from (
{{ main_sql }}
{{ "limit " ~ limit if limit is not none }}
) as dbt_internal_test
{%- endmacro %}

{#- `model` for a test with a `where` config: the tested relation filtered by it. -#}
{% macro get_where_subquery(relation) -%}
  {{ return(adapter.dispatch('get_where_subquery', 'dbt')(relation)) }}
{%- endmacro %}

{% macro default__get_where_subquery(relation) -%}
  {%- set where = config.get('where') -%}
  {%- if where -%}
    {%- do return("(select * from " ~ relation ~ " where " ~ where ~ ") dbt_subquery") -%}
  {%- else -%}
    {%- do return(relation) -%}
  {%- endif -%}
{%- endmacro %}
