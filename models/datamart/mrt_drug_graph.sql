-- The link graph, one row per drug: the PubMed articles, clinical trials and journals that
-- mention it, with dates. Exported to output/drug_mentions.json (see dbt_project.yml).
with publications as (
    select
        atccode,
        publication_type,
        json_agg(
            json_build_object('id', publication_id, 'title', title, 'date', published_on, 'journal', journal)
            order by published_on, publication_id collate "C"
        ) as items
    from {{ ref('cmp_publication_mentions') }}
    group by atccode, publication_type
),

journals as (
    select
        atccode,
        json_agg(json_build_object('journal', journal, 'date', mentioned_on) order by journal collate "C", mentioned_on) as items
    from {{ ref('cmp_journal_mentions') }}
    group by atccode
)

select
    d.atccode,
    d.drug,
    coalesce(pm.items, '[]'::json) as pubmed,
    coalesce(ct.items, '[]'::json) as clinical_trials,
    coalesce(j.items, '[]'::json) as journals
from {{ ref('rsv_drugs') }} as d
left join publications as pm on pm.atccode = d.atccode and pm.publication_type = 'pubmed'
left join publications as ct on ct.atccode = d.atccode and ct.publication_type = 'clinical_trial'
left join journals as j on j.atccode = d.atccode
