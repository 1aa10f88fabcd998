-- The keys the gateway can route a task's calls by: its workload tag, or keyed hashes of the raw system prompts its
-- calls came with (never the prompts). A promotion routes all of them to the task's specialist.
create table task_route_keys (
    tenant_id  text not null,
    route_key  text not null,
    task_id    uuid not null references tasks (task_id),
    primary key (tenant_id, route_key)
);

create index task_route_keys_task on task_route_keys (task_id);
