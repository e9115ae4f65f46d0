select source_file, rejection_reason, count(*) as rejected_rows
from {{ ref('rsv_rejected_rows') }}
group by source_file, rejection_reason
