using Microsoft.Extensions.Options;
using Npgsql;

namespace SlmPlatform.TaskDiscovery.Infrastructure;

/// <summary>
/// The prices a tenant's calls are costed at: the deployment's configured table (section <c>Pricing</c>), with the
/// tenant's own prices over it.
/// </summary>
public sealed class PriceTable(NpgsqlDataSource dataSource, IOptionsMonitor<PricingOptions> platform)
{
    /// <summary>The table to price the tenant's calls with.</summary>
    public async Task<PricingOptions> ForAsync(string tenantId, CancellationToken cancellationToken)
    {
        var table = new PricingOptions();
        foreach (var (model, price) in platform.CurrentValue.Models)
        {
            table.Models[model] = price;
        }

        foreach (var own in await TenantsAsync(tenantId, cancellationToken))
        {
            table.Models[own.Model] = new ModelPrice { InputPerMillion = own.InputPerMillion, OutputPerMillion = own.OutputPerMillion };
        }

        return table;
    }

    /// <summary>Every model the tenant's calls can be priced for, its own prices first where it set them.</summary>
    public async Task<IReadOnlyList<ModelPriceEntry>> ListAsync(string tenantId, CancellationToken cancellationToken)
    {
        var own = await TenantsAsync(tenantId, cancellationToken);
        var mine = own.Select(p => p.Model).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return
        [
            .. own,
            .. platform.CurrentValue.Models.Where(m => !mine.Contains(m.Key))
                .Select(m => new ModelPriceEntry(m.Key, m.Value.InputPerMillion, m.Value.OutputPerMillion, PriceSources.Platform)),
        ];
    }

    public async Task<ModelPriceEntry> SetAsync(string tenantId, string model, decimal inputPerMillion, decimal outputPerMillion, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            """
            insert into tenant_prices (tenant_id, model, input_per_million, output_per_million) values ($1, $2, $3, $4)
            on conflict (tenant_id, model) do update set input_per_million = $3, output_per_million = $4, updated_at = now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = Key(model) });
        command.Parameters.Add(new NpgsqlParameter { Value = inputPerMillion });
        command.Parameters.Add(new NpgsqlParameter { Value = outputPerMillion });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new ModelPriceEntry(Key(model), inputPerMillion, outputPerMillion, PriceSources.Tenant);
    }

    /// <summary>Drops the tenant's own price for the model; false when it had none.</summary>
    public async Task<bool> RemoveAsync(string tenantId, string model, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("delete from tenant_prices where tenant_id = $1 and model = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = Key(model) });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static string Key(string model) => model.Trim().ToLowerInvariant();

    private async Task<List<ModelPriceEntry>> TenantsAsync(string tenantId, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(
            "select model, input_per_million, output_per_million from tenant_prices where tenant_id = $1 order by model");
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        var prices = new List<ModelPriceEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            prices.Add(new ModelPriceEntry(reader.GetString(0), reader.GetDecimal(1), reader.GetDecimal(2), PriceSources.Tenant));
        }

        return prices;
    }
}
