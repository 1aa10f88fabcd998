-- A call site's system prompt (scrubbed) and its embedding: a new call site whose prompt is nearly the same as an
-- existing one's (a template filled with different values, a lightly edited revision) is folded into it on first sight.
alter table tasks add column signature_text text null;
alter table tasks add column signature_vector real[] null;
