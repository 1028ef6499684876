-- Sitemaps: the index numbers every visible article in (listed_at, id) order to find where each page of up to 50,000
-- starts and when it last changed. This index covers that pass (an index-only scan, no table rows read), and each page
-- query starts its scan at its first row.
create index article_sitemap on article (listed_at, id) include (published_at, updated_at) where status = 'published';
