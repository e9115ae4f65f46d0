
-- depends_on: "sluice"."analytics_raw"."payments"
select id as payment_id, order_id, amount from "sluice"."analytics_raw"."payments"