-- The specialist a task's calls are routed to (at most one), as promoted by a person or the promotion policy.
create table task_specialists (
    task_id      uuid        primary key references tasks (task_id),
    model_id     uuid        not null,
    mode         text        not null,
    output_check jsonb       not null,
    promoted_at  timestamptz not null default now()
);
