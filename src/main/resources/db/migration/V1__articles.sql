-- Articles, their categories and tags.
--
-- The body (sections with their bullets), the bylines and the image are typed jsonb documents on the article row:
-- they are always read and written whole with their article, never queried on their own, and a jsonb array keeps
-- their order without position columns. One row read serves a whole article. Categories and tags are shared between
-- articles and filtered on, so they are tables of their own.

create table category (
    id   bigint generated always as identity primary key,
    slug text not null unique,
    name text not null
);

create table tag (
    id   bigint generated always as identity primary key,
    slug text not null unique,
    name text not null
);

create table article (
    id           uuid primary key,
    slug         text        not null,
    language     text        not null,
    status       text        not null check (status in ('draft', 'published')),
    category_id  bigint      not null references category (id),
    title        text        not null,
    subtitle     text        not null,
    lead         text        not null,
    sections     jsonb       not null,
    closing      text        not null,
    authors      jsonb       not null,
    image        jsonb,
    published_at timestamptz,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    -- Sort key of lists: publishedAt, or createdAt for an article never published (drafts have no publishedAt).
    listed_at    timestamptz not null,
    version      integer     not null,
    word_count   integer     not null,
    -- Slug first: lookups by slug alone (no language given) use this index too.
    constraint article_slug_unique unique (slug, language)
);

create table article_tag (
    article_id uuid   not null references article (id) on delete cascade,
    tag_id     bigint not null references tag (id),
    position   integer not null,
    primary key (article_id, tag_id)
);

-- Keyset pages: what readers list (published only) and what editors list (everything).
create index article_published_listing on article (listed_at desc, id desc) where status = 'published';
create index article_listing on article (listed_at desc, id desc);
create index article_category on article (category_id, listed_at desc, id desc);
create index article_tag_by_tag on article_tag (tag_id, article_id);
-- Finding the free slug for a new article looks for `slug` and `slug-N` in its language with LIKE 'slug-%'; under a
-- non-C collation only a pattern-ops index serves that prefix search.
create index article_slug_prefix on article (language, slug text_pattern_ops);
