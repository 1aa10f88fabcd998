-- Topics within a task, and what people do to tasks: rename, ignore, merge one into another, split topics off.
alter table tasks add column ignored boolean not null default false;
alter table tasks add column merged_into uuid null references tasks (task_id);
alter table tasks add column split_from uuid null references tasks (task_id);
-- Counts every change announced as TaskChanged; the event id derives from it, so a change is announced once.
alter table tasks add column version integer not null default 1;
-- Topic ids are stable across re-clustering and unique within the task family a split creates.
alter table tasks add column next_topic_id integer not null default 1;
alter table tasks add column topics_clustered_at timestamptz null;
alter table tasks add column topics_clustered_calls bigint not null default 0;

-- The request's last user turn, already scrubbed: what topics are found from and labelled with.
alter table task_calls add column request_text text null;
alter table task_calls add column topic_id integer null;
create index task_calls_task_topic on task_calls (task_id, topic_id);

create table task_topics (
    task_id   uuid    not null references tasks (task_id),
    topic_id  integer not null,
    label     text    not null,
    terms     jsonb   not null,
    -- Mean of the members' unit vectors, and the similarity a newcomer needs to join.
    centroid  real[]  not null,
    min_similarity real not null,
    primary key (task_id, topic_id)
);
