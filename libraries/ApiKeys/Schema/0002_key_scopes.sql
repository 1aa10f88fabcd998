-- What a key may do and until when. capture: send calls (gateway, ingest) and ask specialists (serving); read: the
-- GET endpoints; admin: everything that changes state, keys included. Keys made before scopes existed keep all three,
-- so an upgrade takes nothing away; keys issued through the keys API get what they are given.
alter table api_keys add column key_id uuid not null default gen_random_uuid();
alter table api_keys add constraint api_keys_key_id unique (key_id);
alter table api_keys add column scopes text[] not null default array['capture', 'read', 'admin'];
alter table api_keys add column expires_at timestamptz null;
alter table api_keys add constraint api_keys_scopes_known check (scopes <@ array['capture', 'read', 'admin'] and cardinality(scopes) > 0);
