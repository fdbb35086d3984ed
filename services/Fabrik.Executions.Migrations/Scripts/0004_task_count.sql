-- How many tasks the run started: the next run of the same template measures its progress against it.
alter table executions add column task_count integer check (task_count >= 0);
create index executions_template_finished on executions (template_id, finished_at desc) where task_count is not null;
