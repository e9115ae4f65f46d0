select id, customer, amount, ordered_at
from "sluice"."analytics_raw"."orders"