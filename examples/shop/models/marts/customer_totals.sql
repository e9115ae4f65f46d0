{{ config(tags=['finance']) }}
with totals as (
    select customer, {{ cents('amount') }} as cents
    from {{ ref('big_orders') }}
)
select t.customer, c.country, sum(t.cents) as total_cents
from totals t
join {{ ref('customers') }} c on c.name = t.customer
group by t.customer, c.country
