-- A drug is mentioned by a publication when its name appears in the title as a whole word,
-- in any case: ETHANOL in "acute ethanol withdrawal", not in "Ethanolamine".
with publications as (
    select 'pubmed' as publication_type, id, title, published_on, journal
    from {{ ref('rsv_pubmed') }}
    union all
    select 'clinical_trial', id, scientific_title, published_on, journal
    from {{ ref('rsv_clinical_trials') }}
)

select
    d.atccode,
    d.drug,
    p.publication_type,
    p.id as publication_id,
    p.title,
    p.published_on,
    p.journal
from {{ ref('rsv_drugs') }} as d
join publications as p
  on p.title ~* ({{ sluice_text.whole_word('d.drug') }})
