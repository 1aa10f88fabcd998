-- A tenant's own daily quota of captured calls (ingest and the gateway together); null: the platform's default
-- (Quotas:CallsPerDay), 0: none. Set with the migrator's `tenant quota` command.
alter table tenants add column calls_per_day bigint null check (calls_per_day >= 0);
