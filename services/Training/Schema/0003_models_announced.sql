-- When the model's ModelTrained was published (serving keeps its registry from it). Null for a model registered but
-- not yet announced, and for every model registered before serving kept a registry: the job sweeper announces those.
alter table models add column announced_at timestamptz;

create index models_unannounced on models (created_at) where announced_at is null;
