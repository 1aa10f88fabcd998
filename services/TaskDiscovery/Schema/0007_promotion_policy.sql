-- A tenant's promotion policy (absent: the service's configured default).
create table promotion_policies (
    tenant_id   text        primary key,
    policy      jsonb       not null,
    updated_at  timestamptz not null default now()
);

-- What the promotion policy decided and why. decision_id is derived from what caused the decision (the evaluation
-- event, or the specialist's state and figures), so a redelivered message never records a decision twice.
create table promotion_decisions (
    decision_id      uuid             primary key,
    tenant_id        text             not null,
    task_id          uuid             not null,
    model_id         uuid             not null,
    action           text             not null,
    applied          boolean          not null,
    reason           text             not null,
    agreement        double precision null,
    agreement_lower  double precision null,
    examples         bigint           null,
    decided_at       timestamptz      not null default now()
);

create index promotion_decisions_task on promotion_decisions (task_id, decided_at desc);

-- The gateways' comparison counters for the task on the day of the promotion, at the moment of it: online agreement
-- in the new mode is what the ledger counts beyond them, never what an earlier mode or model earned that day. And the
-- task's calls at that moment, against which its growth calls for retraining.
alter table task_specialists
    add column online_compared_before bigint not null default 0,
    add column online_agreed_before   bigint not null default 0,
    add column calls_at_promotion     bigint not null default 0;
