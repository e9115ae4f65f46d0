{#- Sluice's implementations of the dbt macros that materializations call. A project overrides any
    of them by defining a macro of the same name, as in dbt. -#}

{#- Runs the block's SQL; with a name, keeps the result for load_result(name). -#}
{% macro statement(name=none, fetch_result=false, auto_begin=true, language='sql') -%}
  {%- if execute -%}
    {%- set statement_sql = caller() -%}
    {%- set response, table = adapter.execute(statement_sql, auto_begin=auto_begin, fetch=fetch_result) -%}
    {%- if name is not none -%}
      {{- store_result(name, response=response, agate_table=table) -}}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{#- Runs the hooks that belong inside (or outside) the model's transaction. -#}
{% macro run_hooks(hooks, inside_transaction=true) -%}
  {%- for hook in hooks -%}
    {%- if hook.get('transaction', true) == inside_transaction and (hook.get('sql') | trim) -%}
      {%- call statement(auto_begin=inside_transaction) -%}{{ hook.get('sql') }}{%- endcall -%}
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}

{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') -%}
  {{- return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix})) -}}
{%- endmacro %}

{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') -%}
  {{- return(make_temp_relation(base_relation, suffix)) -}}
{%- endmacro %}

{% macro make_backup_relation(base_relation, backup_relation_type, suffix='__dbt_backup') -%}
  {{- return(base_relation.incorporate(path={'identifier': base_relation.identifier ~ suffix},
                                       type=backup_relation_type)) -}}
{%- endmacro %}

{% macro drop_relation_if_exists(relation) -%}
  {%- if relation is not none -%}
    {{- adapter.drop_relation(relation) -}}
  {%- endif -%}
{%- endmacro %}

{% macro load_cached_relation(relation) -%}
  {{- return(adapter.get_relation(database=relation.database, schema=relation.schema,
                                  identifier=relation.identifier)) -}}
{%- endmacro %}

{% macro load_relation(relation) -%}
  {{- return(load_cached_relation(relation)) -}}
{%- endmacro %}

{% macro get_create_table_as_sql(temporary, relation, sql) -%}
  create {% if temporary %}temporary {% endif %}table {{ relation.include(database=(not temporary), schema=(not temporary)) }}
  as (
    {{ sql }}
  )
{%- endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
  {{- get_create_table_as_sql(temporary, relation, compiled_code) -}}
{%- endmacro %}

{% macro get_create_view_as_sql(relation, sql) -%}
  create view {{ relation }} as (
    {{ sql }}
  )
{%- endmacro %}

{% macro create_view_as(relation, sql) -%}
  {{- get_create_view_as_sql(relation, sql) -}}
{%- endmacro %}
