{% macro cents(col) -%}
    round({{ col }} * 100)::bigint
{%- endmacro %}
