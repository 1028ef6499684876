-- Every instance of the service keeps published articles rendered in memory (dev.khabar.cache). When an article
-- changes, every instance must forget its copy within about a second, whichever instance (or bulk job, or SQL
-- session) made the change. Each editorial change-log row (one per write, V3) notifies the channel khabar_article
-- with "<article id> <language> <slug>"; PostgreSQL delivers it to every listening session when the writing
-- transaction commits, and never for a transaction that rolls back.
create function notify_article_change() returns trigger language plpgsql as $$
begin
    perform pg_notify('khabar_article', new.article_id || ' ' || new.language || ' ' || new.slug);
    return null;
end
$$;

create trigger article_change_notify
    after insert on article_change
    for each row when (new.audience = 'editorial')
    execute function notify_article_change();
