-- Scrubbed calls only: raw text never reaches this table. (tenant_id, call_id) is the idempotency key that makes
-- redelivered CallCaptured messages and repeated POSTs land once.
create table calls (
    tenant_id     text             not null,
    call_id       text             not null,
    seq           bigint           generated always as identity,
    agent         text             not null,
    workload      text             null,
    started_at    timestamptz      not null,
    latency_ms    double precision null,
    status        text             not null,
    source        text             not null,
    request       jsonb            not null,
    response      jsonb            not null,
    replacements  jsonb            not null,
    captured_at   timestamptz      not null,
    stored_at     timestamptz      not null default now(),
    primary key (tenant_id, call_id)
);

-- Keyset pagination walks seq within a tenant, optionally narrowed to an agent or workload.
create unique index calls_tenant_seq on calls (tenant_id, seq);
create index calls_tenant_agent_seq on calls (tenant_id, agent, seq);
create index calls_tenant_workload_seq on calls (tenant_id, workload, seq) where workload is not null;
