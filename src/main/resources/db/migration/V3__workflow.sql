-- Editorial workflow: archived articles, revisions, the change feed, moved slugs and translations.
--
-- "Scheduled" is not stored: it is a published article whose published_at is still in the future, so it turns
-- visible by itself when the time comes, with no job to run.

alter table article drop constraint article_status_check;
alter table article add constraint article_status_check check (status in ('draft', 'published', 'archived'));

-- Translations of one story share a group; an article that is nobody's translation is a group of one.
alter table article add column translation_group uuid;
update article set translation_group = id;
alter table article alter column translation_group set not null;
create index article_translation on article (translation_group);

-- Every write stores the whole article as it became (the API's JSON): revision n is the article at version n.
create table article_revision (
    article_id uuid        not null references article (id) on delete cascade,
    version    integer     not null,
    action     text        not null,
    actor      text        not null,
    created_at timestamptz not null,
    snapshot   jsonb       not null,
    primary key (article_id, version)
);

-- Articles written before this migration get their first revision with their next write.

-- Old slugs answer 308 to the article's current one, forever: a new article may not take them.
create table slug_redirect (
    language   text not null,
    slug       text not null,
    article_id uuid not null references article (id) on delete cascade,
    primary key (language, slug)
);
create index slug_redirect_article on slug_redirect (article_id);

-- The change feed: an append-only log, read in (at, position) order. Each write appends an `editorial` row (what key
-- holders sync) and, when it changes what anonymous readers see, a `public` row. A scheduled publication appends a
-- public row dated at its publication time: it enters the public feed when that time comes. Rows outlive their
-- article (no foreign key): a deletion is a `removed` row, a tombstone.
-- Writers append last in their transaction, holding an advisory lock shared until they commit; a reader takes it
-- exclusively, so it never passes a row that a running transaction will still add (see dev.khabar.change.ChangeLog).
create table article_change (
    position   bigint generated always as identity primary key,
    audience   text        not null check (audience in ('editorial', 'public')),
    at         timestamptz not null,
    article_id uuid        not null,
    slug       text        not null,
    language   text        not null,
    kind       text        not null check (kind in ('changed', 'removed')),
    version    integer     not null,
    -- A public row written ahead of a scheduled publication: void if the article is rescheduled or unpublished.
    scheduled  boolean     not null default false
);
create index article_change_feed on article_change (audience, at, position);
create index article_change_article on article_change (article_id, audience, at);
