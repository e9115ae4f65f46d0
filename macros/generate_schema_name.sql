{#-
    One schema per stage (seed, rsv, cmp, mrt). In production and in the embedded database, which
    belongs to one person anyway, a stage's schema is its bare name; everywhere else it is prefixed
    with the target's schema, so developers sharing a server (dev_alice, dev_bob) each get their own
    dev_alice_seed, dev_alice_rsv, ... and never touch each other's.
-#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- elif target.name in ('prod', 'embedded') -%}
        {{ custom_schema_name | trim }}
    {%- else -%}
        {{ target.schema }}_{{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
