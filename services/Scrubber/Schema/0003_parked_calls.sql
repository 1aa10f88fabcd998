-- Captured calls the scrubber could not store after its retries, sealed (AES-GCM) so that no raw text is kept in
-- clear; listed and replayed through the calls API, deleted when replayed or past their retention.
create table parked_calls (
    tenant_id text not null,
    call_id text not null,
    parked_at timestamptz not null,
    reason text not null,
    sealed bytea not null,
    times_parked int not null default 1,
    primary key (tenant_id, call_id)
);

create index parked_calls_parked_at on parked_calls (parked_at);
