-- A tenant's own prices for the models its agents call (US dollars per million tokens), over the platform's
-- configured table: where a tenant has negotiated rates, its spend and savings are priced at them. Model names are
-- kept lower-case: the price table matches them without regard to case.
create table tenant_prices (
    tenant_id          text          not null,
    model              text          not null check (model = lower(model)),
    input_per_million  numeric(12,4) not null check (input_per_million >= 0),
    output_per_million numeric(12,4) not null check (output_per_million >= 0),
    updated_at         timestamptz   not null default now(),
    primary key (tenant_id, model)
);
