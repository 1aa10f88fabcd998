-- Call embeddings kept in PostgreSQL (VectorStore:Provider = postgres), so that several replicas of task discovery
-- share them where no Qdrant runs. One row per tenant and call: a redelivered call overwrites its vector.
create table call_vectors (
    tenant_id text   not null,
    call_id   text   not null,
    task_id   uuid   not null,
    vector    real[] not null,
    primary key (tenant_id, call_id)
);
