select id, title as scientific_title, published_on, journal
from {{ ref('rsv_publications_checked') }}
where publication_type = 'clinical_trial'
  and rejection_reason is null
