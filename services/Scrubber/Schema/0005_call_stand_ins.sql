-- Where each stand-in sits in a stored call (request or response, the string value's JSON path, offset, length and
-- entity type), so that a reader can see which words were replaced. Types and offsets only, never a value. Null for
-- calls stored before it was kept.
alter table calls add column stand_ins jsonb null;
