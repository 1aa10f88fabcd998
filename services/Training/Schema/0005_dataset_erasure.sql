-- A dataset holding an erased call loses its examples (the JSONL artifact); the row stays, marked, because the models
-- trained on it name it.
alter table datasets add column erased_at timestamptz null;
