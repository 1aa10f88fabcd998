-- Under manual approval the policy only recommends a move; a person approves or rejects it. awaits_review marks such a
-- recommendation, with the confidence threshold a selective specialist would answer at; review, reviewed_at and
-- reviewed_by (the key id, never the key) say what was done with it.
alter table promotion_decisions
    add column awaits_review boolean     not null default false,
    add column threshold     double precision null,
    add column review        text        null check (review in ('approved', 'rejected')),
    add column reviewed_at   timestamptz null,
    add column reviewed_by   text        null;

update promotion_decisions set awaits_review = true
where not applied and reason like 'Recommended (manual approval)%' and action in ('shadow', 'canary', 'full', 'demote');
