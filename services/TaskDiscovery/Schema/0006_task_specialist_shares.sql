-- How a specialist serves a task beyond its mode: a canary's share of the calls (null in other modes), and the share of
-- the specialist's answers also asked of the teacher to measure agreement online. Rows promoted earlier keep the
-- default sample.
alter table task_specialists
    add column share  double precision check (share > 0 and share <= 1),
    add column sample double precision not null default 0.05 check (sample >= 0 and sample <= 1);
