-- Recurring tasks: one per call site (agent + workload tag, or agent + the call's structure when untagged).
create table tasks (
    task_id        uuid        primary key,
    tenant_id      text        not null,
    call_site_key  text        not null,
    name           text        not null,
    agent          text        not null,
    workload       text        null,
    output_kind    text        not null,
    -- The call that revealed the task: its consumer announces TaskDiscovered, also when redelivered.
    first_call_id  text        not null,
    created_at     timestamptz not null default now(),
    unique (tenant_id, call_site_key)
);

-- One row per scrubbed call: (tenant_id, call_id) makes a redelivered CallScrubbed land once.
create table task_calls (
    tenant_id          text             not null,
    call_id            text             not null,
    task_id            uuid             not null references tasks (task_id),
    seq                bigint           generated always as identity,
    started_at         timestamptz      not null,
    model              text             null,
    prompt_tokens      integer          null,
    completion_tokens  integer          null,
    latency_ms         double precision null,
    output_label       text             null,
    primary key (tenant_id, call_id)
);

create index task_calls_task_seq on task_calls (task_id, seq);
