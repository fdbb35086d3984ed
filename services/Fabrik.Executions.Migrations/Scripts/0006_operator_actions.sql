-- Who did what and when: every operator action the Gateway accepted (launch, cancel, relaunch, approval decisions).
-- No foreign key to executions: a record outlives what it is about, and a bulk action names no single execution.
create table operator_actions (
    id            bigint generated always as identity primary key,
    action        text not null,
    execution_id  uuid,
    actor         text not null,
    actor_kind    text not null check (actor_kind in ('api_key', 'jwt', 'anonymous')),
    actor_role    text check (actor_role in ('viewer', 'operator')),
    http_method   text not null,
    path          text not null,
    status_code   integer not null check (status_code between 100 and 599),
    occurred_at   timestamptz not null default now()
);

create index operator_actions_execution on operator_actions (execution_id, occurred_at) where execution_id is not null;
create index operator_actions_actor on operator_actions (actor, occurred_at desc);
