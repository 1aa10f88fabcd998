using SlmPlatform.DbMigrator;

namespace SlmPlatform.Gateway.FunctionalTests;

/// <summary>The operator's <c>tenant</c> commands as the migrator runs them, with what they printed.</summary>
internal static class TenantCommands
{
    public static async Task<(int Code, string Output, string Error)> RunAsync(string platformDb, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await TenantCommandLine.RunAsync(args, platformDb, output, error, TestContext.Current.CancellationToken);
        return (code, output.ToString().Trim(), error.ToString());
    }
}
