{%- set countries = ['FR', 'DE'] -%}
select
{%- for c in countries %}
    sum(case when country = '{{ c }}' then total_cents else 0 end) as {{ c | lower }}_cents{{ "," if not loop.last }}
{%- endfor %}
from {{ ref('customer_totals') }}
