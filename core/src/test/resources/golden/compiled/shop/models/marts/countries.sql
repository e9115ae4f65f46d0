select
    sum(case when country = 'FR' then total_cents else 0 end) as fr_cents,
    sum(case when country = 'DE' then total_cents else 0 end) as de_cents
from "sluice"."analytics_mrt"."customer_totals"