-- Searching output for a phrase (GET /api/v1/executions?q=, /{id}/search?q=, /{id}/events?q=) is
-- `stdout ilike '%phrase%'`, which a trigram index serves instead of a scan of every event. pg_trgm is a trusted
-- extension since PostgreSQL 13, so the database's owner creates it without being a superuser.
create extension if not exists pg_trgm;

create index job_events_stdout_trgm on job_events using gin (stdout gin_trgm_ops);
