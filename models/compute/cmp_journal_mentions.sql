-- A journal mentions a drug on a date when it published an article or a trial mentioning it
-- that day; mentions without a journal name have no journal to count.
select distinct
    atccode,
    drug,
    journal,
    published_on as mentioned_on
from {{ ref('cmp_publication_mentions') }}
where journal is not null
