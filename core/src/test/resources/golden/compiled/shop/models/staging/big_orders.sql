
select * from "sluice"."analytics_stg"."stg_orders" where amount > 10