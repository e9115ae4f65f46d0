select
    {{ sluice_text.clean_text('atccode') }} as atccode,
    upper({{ sluice_text.clean_text('drug') }}) as drug
from {{ ref('drugs') }}
where {{ sluice_text.clean_text('drug') }} is not null
