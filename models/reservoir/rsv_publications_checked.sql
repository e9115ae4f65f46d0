{{ config(materialized='ephemeral') }}
-- Every raw publication row from the three files, cleaned, with the reason it is rejected
-- (null when it is kept). rsv_pubmed, rsv_clinical_trials and rsv_rejected_rows read from here,
-- so a row is either kept or counted as rejected, never lost.
with raw as (
    select 'pubmed' as publication_type, 'pubmed.csv' as source_file,
           id::text as raw_id, title as raw_title, "date"::text as raw_date, journal as raw_journal
    from {{ ref('pubmed') }}
    union all
    select 'pubmed', 'pubmed.json', id::text, title, "date"::text, journal
    from {{ ref('pubmed_json') }}
    union all
    select 'clinical_trial', 'clinical_trials.csv', id::text, scientific_title, "date"::text, journal
    from {{ ref('clinical_trials') }}
),

cleaned as (
    select
        publication_type,
        source_file,
        raw_id,
        raw_title,
        {{ sluice_text.clean_text('raw_id') }} as id,
        {{ sluice_text.clean_text('raw_title') }} as title,
        {{ sluice_text.clean_text('raw_date') }} as date_text,
        {{ sluice_text.clean_text('raw_journal') }} as journal
    from raw
)

select
    publication_type,
    source_file,
    raw_id,
    raw_title,
    id,
    title,
    {{ sluice_text.iso_date('date_text') }} as published_on,
    journal,
    case
        when id is null then 'missing id'
        when title is null then 'missing title'
    end as rejection_reason
from cleaned
