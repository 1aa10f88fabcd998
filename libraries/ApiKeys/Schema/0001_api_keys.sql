-- API keys are stored as SHA-256 hashes only; the key itself is shown once, when it is made.
create table api_keys (
    key_hash     bytea primary key,
    key_prefix   text        not null,
    tenant_id    text        not null,
    name         text        not null,
    created_at   timestamptz not null default now(),
    revoked_at   timestamptz null
);

create index api_keys_tenant on api_keys (tenant_id);
