-- Routing changes for the gateways, written in the same transaction as the change of a task's specialist and
-- published (then deleted) by the tasks service: a change the database holds always reaches the gateways, even when
-- the broker was away at the moment of the change.
create table route_change_outbox (
    event_id uuid primary key,
    tenant_id text not null,
    task_id uuid not null,
    message jsonb not null,
    created_at timestamptz not null default now()
);

create index route_change_outbox_created on route_change_outbox (created_at);
