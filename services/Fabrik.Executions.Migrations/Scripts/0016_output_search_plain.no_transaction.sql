-- Output search matches output as people read it, colours removed: in the stored stdout a colour code may sit inside
-- a phrase ("VLAN 42 pushed to \e[0;32mtenant blue\e[0m"), where `ilike '%to tenant%'` never finds it. The poller
-- stores that plain copy with each event (stdout_plain, stripped by the AnsiEscapes the txt download uses), and the
-- trigram index moves from stdout to it, so each stored row still feeds one trigram index.
--
-- Outside a transaction (see SchemaMigrator), so that pollers of the running version keep storing events meanwhile:
-- the backfill commits execution by execution and the index is built concurrently. Every step may run again after a
-- failure.

alter table job_events add column if not exists stdout_plain text;

-- AnsiEscapes.Pattern, which PostgreSQL reads as .NET does.
create or replace function ansi_stripped(text) returns text language sql immutable strict parallel safe
as $$ select regexp_replace($1, '\u001B(?:\[[0-?]*[ -/]*[@-~]|[@-_])', '', 'g') $$;

-- Rows stored without the plain copy get it anyway: those of a poller of the previous version during a rolling update,
-- or inserted by hand. The poller fills it itself, so its rows skip the function.
create or replace function job_events_fill_stdout_plain() returns trigger language plpgsql
as $$ begin new.stdout_plain := ansi_stripped(new.stdout); return new; end $$;

create or replace trigger job_events_stdout_plain before insert on job_events
    for each row when (new.stdout_plain is null) execute function job_events_fill_stdout_plain();

do $$
declare
    execution uuid;
begin
    for execution in select id from executions loop
        update job_events set stdout_plain = ansi_stripped(stdout) where execution_id = execution and stdout_plain is null;
        commit;
    end loop;
end $$;

-- A build that failed halfway leaves an invalid index behind: start it again rather than keep that one.
drop index concurrently if exists job_events_stdout_plain_trgm;
create index concurrently job_events_stdout_plain_trgm on job_events using gin (stdout_plain gin_trgm_ops);
drop index concurrently if exists job_events_stdout_trgm;
