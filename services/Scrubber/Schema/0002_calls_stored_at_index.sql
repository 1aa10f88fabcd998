-- The scrub report aggregates a tenant's replacement counts by time bucket.
create index calls_tenant_stored_at on calls (tenant_id, stored_at);
