-- Which journal mentions the most different drugs (all of them, when several tie)?
with drugs_per_journal as (
    select journal, count(distinct atccode) as drugs
    from {{ ref('cmp_journal_mentions') }}
    group by journal
)

select journal, drugs
from drugs_per_journal
where drugs = (select max(drugs) from drugs_per_journal)
order by journal
