select source_file, raw_id, raw_title, rejection_reason
from {{ ref('rsv_publications_checked') }}
where rejection_reason is not null
