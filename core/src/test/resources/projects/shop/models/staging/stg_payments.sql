{# a source-backed view #}
select id as payment_id, order_id, amount from {{ source('billing', 'payments') }}
