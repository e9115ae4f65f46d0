{# a source-backed view; the source is loaded by the payments seed, hence the explicit dependency #}
-- depends_on: {{ ref('payments') }}
select id as payment_id, order_id, amount from {{ source('billing', 'payments') }}
