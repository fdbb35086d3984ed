-- A workflow execution runs an ephemeral copy of its workflow job template (credentials bound on the copy's nodes),
-- removed once the workflow finished. A retry from a node names the node of the relaunched execution it starts at.
alter table executions
    add column awx_workflow_clone_id  integer check (awx_workflow_clone_id > 0),
    add column clone_removed_at       timestamptz,
    add column relaunch_from_node     bigint;

create index executions_clones_to_remove on executions (finished_at)
    where awx_workflow_clone_id is not null and clone_removed_at is null;

-- Approval decisions are made through AWX: the decision recorded here is the one Fabrik passed on.
alter table workflow_approvals add column workflow_job_id bigint;
