-- One row per execution: the canonical record of an AWX job launched for a portal request (seed 000).
create table executions (
    id                   uuid primary key,
    request_id           text not null,
    template_kind        text not null check (template_kind in ('job', 'workflow')),
    template_id          integer not null check (template_id > 0),
    template_name        text not null,
    -- The template as AWX described it at launch, frozen so that relaunches run what the original request would have.
    template_snapshot    jsonb not null default '{}',
    extra_vars           jsonb not null default '{}' check (jsonb_typeof(extra_vars) = 'object'),
    limit_pattern        text,
    inventory_id         integer,
    credential_ids       integer[] not null default '{}',
    launched_by          text not null,
    status               text not null default 'pending'
                         check (status in ('pending', 'waiting', 'running', 'successful', 'failed', 'error', 'canceled')),
    status_explanation   text,
    awx_job_id           bigint,
    awx_job_url          text,
    progress_percentage  smallint not null default 0 check (progress_percentage between 0 and 100),
    current_task         text,
    elapsed_seconds      double precision,
    awx_job_data         jsonb,
    artifacts            jsonb,
    row_results          jsonb,
    results_source       text,
    partial_success      boolean,
    relaunch_of          uuid references executions (id),
    relaunch_count       smallint not null default 0 check (relaunch_count between 0 and 3),
    relaunch_hosts       text check (relaunch_hosts in ('all', 'failed')),
    final_counter        bigint,
    complete             boolean,
    missing_counters     bigint[],
    launch_attempted_at  timestamptz,
    cancel_requested_by  text,
    cancel_requested_at  timestamptz,
    created_at           timestamptz not null default now(),
    updated_at           timestamptz not null default now(),
    launched_at          timestamptz,
    started_at           timestamptz,
    finished_at          timestamptz,
    check ((relaunch_of is null) = (relaunch_count = 0))
);

-- A portal request launches once; relaunches share its request id and are told apart by relaunch_of.
create unique index executions_request_id_original on executions (request_id) where relaunch_of is null;
create index executions_created_at on executions (created_at desc, id desc);
create index executions_status_created_at on executions (status, created_at desc);
create index executions_template on executions (template_id, created_at desc);
create index executions_launched_by on executions (launched_by, created_at desc);
create index executions_relaunch_of on executions (relaunch_of) where relaunch_of is not null;
create index executions_awx_job_id on executions (awx_job_id) where awx_job_id is not null;
create index executions_active on executions (status) where status in ('pending', 'waiting', 'running');
