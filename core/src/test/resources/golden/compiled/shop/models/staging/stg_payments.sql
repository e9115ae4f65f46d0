
select id as payment_id, order_id, amount from "sluice"."billing_raw"."payments"