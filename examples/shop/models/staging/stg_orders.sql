select id, customer, amount, ordered_at
from {{ ref('orders') }}
