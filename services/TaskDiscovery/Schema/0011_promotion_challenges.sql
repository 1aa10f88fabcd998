-- A newly evaluated model that must beat the model serving its task on the same held-out calls: the newcomer's
-- ModelEvaluated waits here while training scores the serving model on its test set (EvaluateModel, answered by a
-- ModelEvaluated carrying request_id, or by ModelEvaluationRefused). The decision is taken when the answer comes.
create table promotion_challenges (
    request_id          uuid        primary key,
    tenant_id           text        not null,
    task_id             uuid        not null,
    incumbent_model_id  uuid        not null,
    challenger          jsonb       not null,
    created_at          timestamptz not null default now(),
    answered_at         timestamptz
);

create index promotion_challenges_open on promotion_challenges (created_at) where answered_at is null;
