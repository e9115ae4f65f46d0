{#- Text as exported by upstream systems: byte escapes such as \xc3\xb1 written out literally,
    runs of spaces, blank values. Returns the cleaned text, or null when nothing is left. -#}
{% macro clean_text(expression) -%}
    nullif(btrim(regexp_replace(regexp_replace({{ expression }}::text, '\\x[0-9a-fA-F]{2}', '', 'g'), '\s+', ' ', 'g')), '')
{%- endmacro %}

{#- A date written as ISO (2020-01-01), day first (01/01/2020) or in words (1 January 2020);
    null for anything else. -#}
{% macro iso_date(expression) -%}
    case
        when {{ expression }} ~ '^\d{4}-\d{2}-\d{2}$' then to_date({{ expression }}, 'YYYY-MM-DD')
        when {{ expression }} ~ '^\d{1,2}/\d{1,2}/\d{4}$' then to_date({{ expression }}, 'DD/MM/YYYY')
        when {{ expression }} ~ '^\d{1,2} [A-Za-z]+ \d{4}$' then to_date({{ expression }}, 'DD FMMonth YYYY')
    end
{%- endmacro %}

{#- A regular expression matching the text of `expression` as a whole word, in any case
    (use with ~*). -#}
{% macro whole_word(expression) -%}
    '\m' || regexp_replace({{ expression }}, '([.^$*+?()\[\]{}|\\])', '\\\1', 'g') || '\M'
{%- endmacro %}
