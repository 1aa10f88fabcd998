using System.CommandLine;
using Npgsql;
using SlmPlatform.ApiKeys;
using SlmPlatform.DbMigrator.Infrastructure;

namespace SlmPlatform.DbMigrator;

/// <summary>
/// The operator's tenant commands, run where the platform database can be reached (ConnectionStrings__platformdb):
/// <c>tenant create &lt;id&gt; [--name]</c> migrates the platform database if needed, creates the tenant and prints
/// its first admin key, once; <c>tenant list</c>; <c>tenant disable &lt;id&gt;</c> revokes every key of the tenant;
/// <c>tenant quota &lt;id&gt; &lt;calls-per-day|default&gt;</c> sets its daily quota of captured calls.
/// </summary>
public static class TenantCommandLine
{
    public const string Verb = "tenant";

    public static async Task<int> RunAsync(string[] args, string? platformDb, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        var id = new Argument<string>("id") { Description = "the tenant's id: 2 to 63 lower-case letters, digits and hyphens" };
        var name = new Option<string?>("--name") { Description = "a name people read (default: the id)" };
        var create = new Command("create", "creates the tenant and prints its first admin key (shown once)") { id, name };
        var list = new Command("list", "lists the tenants with their live keys");
        var disableId = new Argument<string>("id") { Description = "the tenant to disable" };
        var disable = new Command("disable", "revokes every key of the tenant; every service refuses them within seconds") { disableId };
        var quotaId = new Argument<string>("id") { Description = "the tenant whose quota to set" };
        var callsPerDay = new Argument<string>("calls-per-day")
        {
            Description = "calls a day it may have captured through ingest and the gateway together: a number (0: no quota), or 'default' for the platform's (Quotas:CallsPerDay)",
        };
        callsPerDay.Validators.Add(result =>
        {
            var value = result.Tokens[0].Value;
            if (value != "default" && !long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out _))
            {
                result.AddError($"calls-per-day must be a whole number of 0 or more, or 'default', not '{value}'.");
            }
        });
        var quota = new Command("quota", "sets the tenant's daily quota of captured calls; every service applies it within seconds") { quotaId, callsPerDay };
        var root = new RootCommand("Tenants of the platform (needs ConnectionStrings__platformdb).") { create, list, disable, quota };

        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0 || parsed.CommandResult.Command == root)
        {
            await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
            return parsed.Errors.Count > 0 ? 2 : 0;
        }

        if (string.IsNullOrEmpty(platformDb))
        {
            await error.WriteLineAsync("ConnectionStrings__platformdb is not set: name the platform database to act on.");
            return 2;
        }

        await new DatabaseMigrator(Microsoft.Extensions.Logging.Abstractions.NullLogger<DatabaseMigrator>.Instance)
            .MigrateAsync(platformDb, Migration.LoadFor("platformdb"), cancellationToken);
        await using var dataSource = NpgsqlDataSource.Create(platformDb);
        var tenants = new TenantRegistry(dataSource);
        var command = parsed.CommandResult.Command;
        if (command == create)
        {
            var tenantId = parsed.GetValue(id)!;
            if (!TenantRegistry.IsValidId(tenantId))
            {
                await error.WriteLineAsync($"'{tenantId}' is not a tenant id: use 2 to 63 lower-case letters, digits and hyphens.");
                return 2;
            }

            if (await tenants.CreateAsync(tenantId, parsed.GetValue(name) ?? tenantId, cancellationToken) is not { } issued)
            {
                await error.WriteLineAsync($"Tenant '{tenantId}' exists already; its admins issue keys with POST /api/keys on the gateway.");
                return 1;
            }

            await error.WriteLineAsync($"Tenant '{tenantId}' created. Its first admin key (every scope) follows; it is not shown again:");
            await output.WriteLineAsync(issued.Key);
            return 0;
        }

        if (command == list)
        {
            foreach (var tenant in await tenants.ListAsync(cancellationToken))
            {
                var state = tenant.DisabledAt is { } disabled ? $"disabled {disabled:u}" : $"{tenant.LiveKeys} live key(s)";
                await output.WriteLineAsync($"{tenant.TenantId}\t{tenant.Name}\tcreated {tenant.CreatedAt:u}\t{state}");
            }

            return 0;
        }

        if (command == quota)
        {
            var quotaTenant = parsed.GetValue(quotaId)!;
            var value = parsed.GetValue(callsPerDay)!;
            long? limit = value == "default" ? null : long.Parse(value, System.Globalization.CultureInfo.InvariantCulture);
            if (!await tenants.SetCallsPerDayAsync(quotaTenant, limit, cancellationToken))
            {
                await error.WriteLineAsync($"No tenant '{quotaTenant}'.");
                return 1;
            }

            await output.WriteLineAsync($"Tenant '{quotaTenant}': {(limit is null ? "the platform's default quota" : limit == 0 ? "no quota" : $"{limit} calls a day")}.");
            return 0;
        }

        var target = parsed.GetValue(disableId)!;
        if (await tenants.DisableAsync(target, cancellationToken) is not { } revoked)
        {
            await error.WriteLineAsync($"No tenant '{target}'.");
            return 1;
        }

        await output.WriteLineAsync($"Tenant '{target}' disabled: {revoked} key(s) revoked.");
        return 0;
    }
}
