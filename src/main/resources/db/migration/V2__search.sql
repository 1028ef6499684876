-- Full-text search and type-ahead.
--
-- The service analyses text itself (dev.khabar.text.Analysis: Arabic normalisation and light stemming, Snowball
-- stemmers), the same way for articles and for queries, and stores the resulting keys per weight class. PostgreSQL
-- indexes them with the `simple` configuration, which only splits on spaces and lower-cases: the keys are final.
-- Weights: A title; B subtitle, headings, tags and category; C lead and bullets; D closing.

create extension if not exists pg_trgm;

alter table article
    add column search_a text not null default '',
    add column search_b text not null default '',
    add column search_c text not null default '',
    add column search_d text not null default '',
    -- The title normalised but not stemmed, for type-ahead by trigram similarity.
    add column search_title text not null default '';

alter table article add column search_document tsvector generated always as (
    setweight(to_tsvector('simple', search_a), 'A') ||
    setweight(to_tsvector('simple', search_b), 'B') ||
    setweight(to_tsvector('simple', search_c), 'C') ||
    setweight(to_tsvector('simple', search_d), 'D')) stored;

-- Ranking reads the whole document of each candidate; lz4 decompresses several times faster than the default pglz.
-- Servers built without lz4 keep pglz.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table article alter column search_document set compression lz4;
    end if;
end $$;

-- Only published articles are ever searched.
create index article_search on article using gin (search_document) where status = 'published';
create index article_suggest on article using gin (search_title gin_trgm_ops) where status = 'published';
