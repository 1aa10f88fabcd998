-- What the gateways' routing did, per task and UTC day: the sums of their RoutingTallied events (savings report,
-- promotion policy). Each tally is counted once: its id is remembered in the same transaction.
create table routing_days (
    tenant_id text not null,
    task_id uuid not null,
    day date not null,
    answered bigint not null default 0,
    answered_ms double precision not null default 0,
    fell_back bigint not null default 0,
    shadow_compared bigint not null default 0,
    shadow_agreed bigint not null default 0,
    shadow_failed bigint not null default 0,
    abstained bigint not null default 0,
    abstained_ms double precision not null default 0,
    shadow_abstained bigint not null default 0,
    primary key (tenant_id, task_id, day)
);

create table routing_tallies_counted (
    event_id uuid primary key,
    counted_at timestamptz not null default now()
);

create index routing_tallies_counted_at on routing_tallies_counted (counted_at);
