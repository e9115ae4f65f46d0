-- Cleaning loses nothing: every raw publication row is either in the reservoir or listed in
-- rsv_rejected_rows. Returns a row (and fails) when the counts differ.
with raw as (
    select
        (select count(*) from {{ ref('pubmed') }})
        + (select count(*) from {{ ref('pubmed_json') }})
        + (select count(*) from {{ ref('clinical_trials') }}) as n
),

accounted as (
    select
        (select count(*) from {{ ref('rsv_pubmed') }})
        + (select count(*) from {{ ref('rsv_clinical_trials') }})
        + (select count(*) from {{ ref('rsv_rejected_rows') }}) as n
)

select raw.n as raw_rows, accounted.n as accounted_rows
from raw cross join accounted
where raw.n <> accounted.n
