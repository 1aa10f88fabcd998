-- Tenants as an operator creates them (dotnet run --project services/DbMigrator -- tenant create <id>): a name, and
-- when it was disabled (every key revoked). Tenants that only existed as keys' tenant ids are registered as they are.
create table tenants (
    tenant_id   text        primary key,
    name        text        not null,
    created_at  timestamptz not null default now(),
    disabled_at timestamptz null
);

insert into tenants (tenant_id, name, created_at)
select tenant_id, tenant_id, min(created_at) from api_keys group by tenant_id
on conflict (tenant_id) do nothing;
