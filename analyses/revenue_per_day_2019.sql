-- Revenue per day, from 1 January to 31 December 2019.
select
    "date",
    sum(prod_price * prod_qty) as ventes
from {{ ref('transactions') }}
where "date" between date '2019-01-01' and date '2019-12-31'
group by "date"
order by "date"
