-- Per client, the furniture (MEUBLE) and decoration (DECO) sales of 2019.
select
    t.client_id,
    sum(t.prod_price * t.prod_qty) filter (where p.product_type = 'MEUBLE') as ventes_meuble,
    sum(t.prod_price * t.prod_qty) filter (where p.product_type = 'DECO') as ventes_deco
from {{ ref('transactions') }} as t
join {{ ref('product_nomenclature') }} as p on p.product_id = t.prod_id
where t."date" between date '2019-01-01' and date '2019-12-31'
group by t.client_id
order by t.client_id
