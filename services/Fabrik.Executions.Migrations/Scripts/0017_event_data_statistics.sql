-- No plan reads statistics of event_data: no query filters on the column as a whole, and the one that reads into it
-- (a host's ignored errors) looks inside rows an index already found. Gathering them was most of what ANALYZE spends
-- on job_events (sorting sampled jsonb values), and a young table is analysed again at every 10 % of growth, while
-- pollers are writing to it.
alter table job_events alter column event_data set statistics 0;
