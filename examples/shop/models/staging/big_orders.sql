{{ config(materialized='ephemeral') }}
select * from {{ ref('stg_orders') }} where amount > {{ var('min_amount') }}
