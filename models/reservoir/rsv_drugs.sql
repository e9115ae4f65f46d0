select
    {{ clean_text('atccode') }} as atccode,
    upper({{ clean_text('drug') }}) as drug
from {{ ref('drugs') }}
where {{ clean_text('drug') }} is not null
