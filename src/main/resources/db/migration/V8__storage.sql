-- Storing an article costs less.
--
-- 1. The large values of an article and of its revisions are compressed with lz4 instead of the default pglz: pglz
--    was the largest single cost of PostgreSQL in a bulk import (18 % of its CPU, profiled with perf), and lz4
--    compresses several times faster for about the same size on this text. Only values written from now on change;
--    servers built without lz4 keep pglz.
-- 2. The search keys (search_a to search_d) are no longer stored for an article whose search document the service
--    writes ready-made (Article.index): the trigger of V5__external_id.sql reads them only when that document is null.
--    They were 2 KB of every article, compressed. Existing rows keep theirs until their next write.
-- 3. The unique index on external ids covers every row (NULLs stay distinct): PostgreSQL knows a column unique only
--    from an index without a predicate, and without that knowledge, in a table not analyzed since it grew (as during
--    a bulk import, or wherever autovacuum is off), it guessed that a batch's 500 external ids match most rows and read
--    the whole table for each batch of an import (88 ms a batch at 100,000 articles) instead of probing the index.
do $$
begin
    if exists (select 1 from pg_settings where name = 'default_toast_compression' and 'lz4' = any (enumvals)) then
        alter table article
            alter column title set compression lz4,
            alter column subtitle set compression lz4,
            alter column lead set compression lz4,
            alter column sections set compression lz4,
            alter column closing set compression lz4,
            alter column authors set compression lz4,
            alter column search_a set compression lz4,
            alter column search_b set compression lz4,
            alter column search_c set compression lz4,
            alter column search_d set compression lz4,
            alter column search_title set compression lz4;
        alter table article_revision alter column snapshot set compression lz4;
    end if;
end $$;

create unique index article_external_id_all on article (external_id);
drop index article_external_id;
alter index article_external_id_all rename to article_external_id;
