
with __dbt__cte__big_orders as (

select * from "sluice"."analytics_stg"."stg_orders" where amount > 10
), totals as (
    select customer, round(amount * 100)::bigint as cents
    from __dbt__cte__big_orders
)
select t.customer, c.country, sum(t.cents) as total_cents
from totals t
join "sluice"."analytics_raw"."customers" c on c.name = t.customer
group by t.customer, c.country