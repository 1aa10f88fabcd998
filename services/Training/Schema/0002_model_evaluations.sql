-- A served model scored against the teacher's answers on one dataset's test split. One row per (model, dataset):
-- a redelivered or repeated evaluation of the same pair replaces its figures instead of adding a row.
create table model_evaluations (
    model_id          uuid             not null,
    dataset_id        text             not null,
    tenant_id         text             not null,
    task_id           uuid             not null,
    examples          integer          not null,
    measure           text             not null,
    agreement         double precision not null,
    agreement_lower   double precision not null,
    agreement_upper   double precision not null,
    latency_p50_ms    double precision not null,
    latency_p95_ms    double precision not null,
    report            jsonb            not null,
    evaluated_at      timestamptz      not null default now(),
    primary key (model_id, dataset_id)
);

create index model_evaluations_task on model_evaluations (tenant_id, task_id, evaluated_at desc);
