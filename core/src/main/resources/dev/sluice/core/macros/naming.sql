{#- Sluice's implementations of dbt's naming macros. A project overrides any of them by defining
    a macro of the same name, as in dbt. -#}

{% macro generate_schema_name(custom_schema_name=none, node=none) -%}
  {{- return(adapter.dispatch('generate_schema_name', 'dbt')(custom_schema_name, node)) -}}
{%- endmacro %}

{#- The target schema, or <target schema>_<custom schema> when the node sets +schema. -#}
{% macro default__generate_schema_name(custom_schema_name, node) -%}
  {%- if custom_schema_name is none -%}
    {{- target.schema -}}
  {%- else -%}
    {{- target.schema ~ '_' ~ (custom_schema_name | trim) -}}
  {%- endif -%}
{%- endmacro %}

{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
  {{- return(adapter.dispatch('generate_alias_name', 'dbt')(custom_alias_name, node)) -}}
{%- endmacro %}

{#- The custom alias, else the node's name (with _v<version> for versioned models). -#}
{% macro default__generate_alias_name(custom_alias_name=none, node=none) -%}
  {%- if custom_alias_name -%}
    {{- custom_alias_name | trim -}}
  {%- elif node.version -%}
    {{- node.name ~ '_v' ~ (node.version | replace('.', '_')) -}}
  {%- else -%}
    {{- node.name -}}
  {%- endif -%}
{%- endmacro %}

{% macro generate_database_name(custom_database_name=none, node=none) -%}
  {{- return(adapter.dispatch('generate_database_name', 'dbt')(custom_database_name, node)) -}}
{%- endmacro %}

{#- The target database, or the custom one when the node sets +database. -#}
{% macro default__generate_database_name(custom_database_name=none, node=none) -%}
  {%- if custom_database_name is none -%}
    {{- target.database -}}
  {%- else -%}
    {{- custom_database_name | trim -}}
  {%- endif -%}
{%- endmacro %}
