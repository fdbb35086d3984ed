-- One row per AWX job event, keyed as AWX keys them within a job. A workflow execution holds the events of every job
-- its nodes spawned, so job_id is part of the key.
create table job_events (
    execution_id  uuid not null references executions (id) on delete cascade,
    job_id        bigint not null,
    counter       bigint not null check (counter > 0),
    event         text not null,
    uuid          text not null,
    parent_uuid   text not null default '',
    host          text,
    play          text,
    task          text,
    role          text,
    stdout        text not null default '',
    start_line    integer not null default 0,
    end_line      integer not null default 0,
    failed        boolean not null default false,
    changed       boolean not null default false,
    created       timestamptz not null,
    event_data    jsonb not null default '{}',
    stored_at     timestamptz not null default now(),
    primary key (execution_id, job_id, counter)
);

create index job_events_host on job_events (execution_id, host) where host is not null;
create index job_events_failed on job_events (execution_id, job_id, counter) where failed;
create index job_events_event on job_events (execution_id, event);

-- The copy's progress for each AWX job an execution follows. The database is the truth; Redis cursors are rebuilt
-- from here.
create table job_streams (
    execution_id         uuid not null references executions (id) on delete cascade,
    job_id               bigint not null,
    -- Highest counter with every counter below it stored.
    watermark            bigint not null default 0 check (watermark >= 0),
    -- Every stored event up to here has been published; a resumed poller republishes what lies above.
    published_watermark  bigint not null default 0 check (published_watermark <= watermark),
    max_counter          bigint not null default 0,
    -- Known once AWX reports the job terminal with event processing finished.
    final_counter        bigint,
    finished_at          timestamptz,
    updated_at           timestamptz not null default now(),
    primary key (execution_id, job_id)
);
