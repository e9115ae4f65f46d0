select * from {{ ref('customer_totals') }} order by total_cents desc limit 3
