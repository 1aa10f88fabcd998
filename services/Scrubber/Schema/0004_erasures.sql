-- Erasures a tenant asked for (POST /api/erasures): the calls deleted here, their ids until every part is published
-- (the outbox of CallsErased), and what each service reported deleting for each part.
create table erasures (
    erasure_id    uuid        primary key,
    tenant_id     text        not null,
    scope         text        not null,
    target        text        null,
    requested_at  timestamptz not null default now(),
    calls         bigint      not null,
    parked_calls  bigint      not null,
    parts         int         not null,
    call_ids      text[]      null,
    published_at  timestamptz null
);

create index erasures_unpublished on erasures (requested_at) where published_at is null;

create table erasure_reports (
    erasure_id    uuid        not null references erasures (erasure_id),
    service       text        not null,
    part          int         not null,
    deleted       jsonb       not null,
    completed_at  timestamptz not null,
    primary key (erasure_id, service, part)
);
