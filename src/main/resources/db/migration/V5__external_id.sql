-- The id an article has in the system it came from (an old CMS, a wire feed), so that a bulk import can be sent again
-- and update what it wrote the first time instead of duplicating it. Optional, unique where present; 1-200 visible
-- ASCII characters (U+0021-U+007E), checked by the service with a 400 first and here as the last word.
alter table article add column external_id text
    constraint article_external_id_chars check (external_id ~ '^[!-~]{1,200}$');
create unique index article_external_id on article (external_id) where external_id is not null;

-- The search document is no longer computed by PostgreSQL from the search keys on every write (V2__search.sql):
-- to_tsvector took about 0.4 ms per article, the largest single cost of storing one, and a bulk import stores
-- thousands a second. The service writes it ready-made instead (dev.khabar.text.SearchDocument: the same words,
-- weights and positions that the expression below gives), which PostgreSQL reads three times faster. Where the service
-- cannot be sure the parser would read a key as it stands (a key such as 251e1b3c, which it reads as a number and a
-- word, or a script other than Latin and Arabic), it writes null and the trigger computes the document as before.
-- Existing rows keep their documents; the search index is unchanged.
alter table article alter column search_document drop expression;

create function article_search_document() returns trigger language plpgsql as $$
begin
    if new.search_document is null then
        new.search_document := setweight(to_tsvector('simple', new.search_a), 'A') ||
            setweight(to_tsvector('simple', new.search_b), 'B') ||
            setweight(to_tsvector('simple', new.search_c), 'C') ||
            setweight(to_tsvector('simple', new.search_d), 'D');
    end if;
    return new;
end $$;

create trigger article_search_document before insert or update on article
    for each row execute function article_search_document();
