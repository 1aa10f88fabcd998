-- Each task's promotion saga (PromotionStateMachine): where it stands, the newcomers waiting for the serving model's
-- score on their test set, its checks. One row per task, written only by the saga's repository, one message at a time
-- per task (an advisory lock on the row's id). The challenges that waited in promotion_challenges move in.
create table promotion_state (
    correlation_id  uuid        primary key,
    data            jsonb       not null,
    updated_at      timestamptz not null default now()
);

insert into promotion_state (correlation_id, data)
select task_id,
       jsonb_build_object(
           'CorrelationId', task_id,
           'CurrentState', 'Challenging',
           'TenantId', min(tenant_id),
           'Challenges', jsonb_agg(jsonb_build_object(
               'RequestId', request_id, 'IncumbentModelId', incumbent_model_id, 'Challenger', challenger, 'AskedAt', created_at) order by created_at),
           'Checks', 0)
from promotion_challenges
where answered_at is null
group by task_id;

drop table promotion_challenges;
