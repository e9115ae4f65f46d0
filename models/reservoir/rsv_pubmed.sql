select id, title, published_on, journal, source_file
from {{ ref('rsv_publications_checked') }}
where publication_type = 'pubmed'
  and rejection_reason is null
