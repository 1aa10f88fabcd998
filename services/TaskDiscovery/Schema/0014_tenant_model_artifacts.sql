-- What serving needs to deploy a model before a promotion routes to it (Promotion:DeployTarget): its kind, base model
-- and artifact, as training announced them in ModelTrained. Null for models announced before, or only evaluated.
alter table tenant_models
    add column kind         text,
    add column base_model   text,
    add column artifact_key text;
