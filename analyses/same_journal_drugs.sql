-- For the drug named by the var `drug`: the other drugs that the journals publishing PubMed
-- articles about it also mention in PubMed articles, but not in clinical trials.
--   ./sluice show -s same_journal_drugs --vars '{drug: TETRACYCLINE}'
with mentions as (
    select * from {{ ref('cmp_publication_mentions') }} where journal is not null
),

its_journals as (
    select distinct journal
    from mentions
    where publication_type = 'pubmed'
      and drug = upper('{{ var("drug") }}')
),

in_articles as (
    select distinct atccode, drug
    from mentions
    where publication_type = 'pubmed' and journal in (select journal from its_journals)
),

in_trials as (
    select distinct atccode
    from mentions
    where publication_type = 'clinical_trial' and journal in (select journal from its_journals)
)

select atccode, drug
from in_articles
where drug <> upper('{{ var("drug") }}')
  and atccode not in (select atccode from in_trials)
order by drug
