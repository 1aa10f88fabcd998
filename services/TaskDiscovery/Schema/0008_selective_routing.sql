-- The confidence at or above which a specialist answers a call itself; below it the teacher answers (selective
-- routing). Null: the specialist answers every call its route sends it, as before.
alter table task_specialists
    add column threshold double precision null check (threshold >= 0);
