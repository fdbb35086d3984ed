-- What the Watchdog did about an execution and when, so that however many Watchdog instances run, a repeatable
-- action (resume a stream, resend a launch, republish a finish) happens at most once per its repeat period.
create table watchdog_actions (
    execution_id   uuid not null references executions (id) on delete cascade,
    action         text not null check (action in ('resume_streaming', 'resend_launch', 'republish_finished')),
    times          integer not null default 1 check (times > 0),
    last_acted_at  timestamptz not null default now(),
    primary key (execution_id, action)
);

-- Finished executions whose results were never parsed: the Watchdog looks for them every sweep among all the
-- finished ones, which only grow.
create index executions_unparsed on executions (finished_at)
    where results_source is null and final_counter is not null and awx_job_id is not null;
