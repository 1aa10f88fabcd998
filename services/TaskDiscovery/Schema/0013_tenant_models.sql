-- The models training has announced for each tenant (ModelTrained, ModelEvaluated): a person may put only the
-- tenant's own models in front of its calls. A model trained before this table existed is added when it is evaluated
-- again (POST /api/models/{id}/evaluations on the training service).
create table tenant_models (
    model_id     uuid        primary key,
    tenant_id    text        not null,
    task_id      uuid        not null,
    announced_at timestamptz not null default now()
);
