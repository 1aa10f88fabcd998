-- Fine-tune jobs. (tenant_id, client_job_id) makes a retried POST find its job instead of creating another.
-- lease_holder/lease_expires_at: the worker running the job renews the lease while it trains; a job whose lease
-- has expired may be taken over (and resumes from checkpoint_key), so a job never runs twice at once.
create table finetune_jobs (
    job_id            uuid        primary key,
    tenant_id         text        not null,
    client_job_id     text        null,
    task_id           uuid        not null,
    kind              text        not null,
    request           jsonb       not null,
    state             text        not null check (state in ('queued', 'running', 'succeeded', 'failed', 'cancelled')),
    cancel_requested  boolean     not null default false,
    attempts          integer     not null default 0,
    dataset_id        text        null,
    model_id          uuid        null,
    selection         jsonb       null,
    progress          jsonb       null,
    error             text        null,
    checkpoint_key    text        null,
    lease_holder      text        null,
    lease_expires_at  timestamptz null,
    created_at        timestamptz not null default now(),
    started_at        timestamptz null,
    finished_at       timestamptz null,
    updated_at        timestamptz not null default now(),
    unique (tenant_id, client_job_id)
);

create index finetune_jobs_unfinished on finetune_jobs (state, lease_expires_at) where state in ('queued', 'running');

-- Immutable dataset versions: the id is derived from the content hash, so rebuilding the same content is a no-op.
create table datasets (
    dataset_id    text        primary key,
    tenant_id     text        not null,
    task_id       uuid        not null,
    output_kind   text        not null,
    content_hash  text        not null,
    splits        jsonb       not null,
    labels        jsonb       not null,
    lineage       jsonb       not null,
    artifact_key  text        not null,
    created_at    timestamptz not null default now()
);

-- The model registry.
create table models (
    model_id         uuid        primary key,
    tenant_id        text        not null,
    task_id          uuid        not null,
    job_id           uuid        not null unique references finetune_jobs (job_id),
    kind             text        not null,
    base_model       text        not null,
    dataset_id       text        not null references datasets (dataset_id),
    hyperparameters  jsonb       not null,
    metrics          jsonb       not null,
    artifacts        jsonb       not null,
    status           text        not null,
    created_at       timestamptz not null default now()
);

create index models_tenant_task on models (tenant_id, task_id, created_at desc);
