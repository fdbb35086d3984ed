-- The nodes of a workflow execution's AWX workflow job, with the edges AWX defines between them.
create table workflow_nodes (
    execution_id             uuid not null references executions (id) on delete cascade,
    node_id                  bigint not null,
    workflow_job_id          bigint not null,
    identifier               text,
    name                     text not null,
    unified_job_template_id  integer,
    job_type                 text,
    job_id                   bigint,
    state                    text not null default 'pending'
                             check (state in ('pending', 'waiting', 'running', 'successful', 'failed', 'error', 'canceled', 'skipped')),
    do_not_run               boolean not null default false,
    success_nodes            bigint[] not null default '{}',
    failure_nodes            bigint[] not null default '{}',
    always_nodes             bigint[] not null default '{}',
    artifacts                jsonb,
    started_at               timestamptz,
    finished_at              timestamptz,
    elapsed_seconds          double precision,
    updated_at               timestamptz not null default now(),
    primary key (execution_id, node_id)
);

create index workflow_nodes_job on workflow_nodes (job_id) where job_id is not null;

-- Approval nodes waiting for, or having received, an operator's decision.
create table workflow_approvals (
    execution_id      uuid not null references executions (id) on delete cascade,
    approval_id       bigint not null,
    node_id           bigint,
    name              text not null,
    description       text not null default '',
    timeout_seconds   integer not null default 0 check (timeout_seconds >= 0),
    status            text not null default 'pending'
                      check (status in ('pending', 'successful', 'failed', 'canceled')),
    timed_out         boolean not null default false,
    decided_by        text,
    decision_comment  text,
    decided_at        timestamptz,
    created_at        timestamptz not null default now(),
    expires_at        timestamptz,
    primary key (execution_id, approval_id)
);

create index workflow_approvals_pending on workflow_approvals (execution_id) where status = 'pending';
