-- Grows the benchmark corpus in SQL (src/bench/run.sh, SCALE_TO): each article loaded through the API gets copies
-- number :first to :last, copy n dated 30 days times n further back, so the loaded articles stay the newest (the ones
-- read most) and the copies make the archive behind them. Copies keep the source's text, search columns, category
-- and tags; they get their own id, slug (suffixed -<n>) and story. The first call notes which articles are the
-- loaded ones (bench_source), so that later calls copy those and not earlier copies. Nothing is notified: restart the
-- service afterwards.
set client_min_messages = warning; -- not the notice that bench_source exists, on later calls
create table if not exists bench_source as select id from article;

create temporary table scale_map as
    select s.id as source, g as copy, gen_random_uuid() as id
    from bench_source s, generate_series(:first, :last) g;

insert into article (id, slug, language, status, category_id, title, subtitle, lead, sections, closing, authors, image,
                     published_at, created_at, updated_at, listed_at, version, word_count,
                     search_a, search_b, search_c, search_d, search_title, search_document, translation_group)
select m.id, a.slug || '-' || m.copy, a.language, a.status, a.category_id, a.title, a.subtitle, a.lead, a.sections,
       a.closing, a.authors, a.image,
       a.published_at - m.copy * interval '30 days', a.created_at - m.copy * interval '30 days',
       a.updated_at - m.copy * interval '30 days', a.listed_at - m.copy * interval '30 days', a.version, a.word_count,
       a.search_a, a.search_b, a.search_c, a.search_d, a.search_title, a.search_document, gen_random_uuid()
from scale_map m join article a on a.id = m.source;

insert into article_tag (article_id, tag_id, position)
select m.id, t.tag_id, t.position from scale_map m join article_tag t on t.article_id = m.source;
