-- GET /api/datasets lists a tenant's dataset versions newest first, a page at a time after the last one seen.
create index datasets_by_tenant on datasets (tenant_id, created_at desc, dataset_id desc);
