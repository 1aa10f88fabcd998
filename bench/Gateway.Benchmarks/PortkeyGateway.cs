namespace SlmPlatform.Gateway.Benchmarks;

/// <summary>
/// Portkey's open-source AI gateway (npm <c>@portkey-ai/gateway</c>, run by Node), the peer users would otherwise pick:
/// told per request, by its headers, to call an OpenAI-compatible host — the stand-in upstream.
/// </summary>
internal static class PortkeyGateway
{
    public const string EntryPoint = "node_modules/@portkey-ai/gateway/build/start-server.js";

    /// <summary>Whether <paramref name="folder"/> holds an installed gateway (bench/run-gateway-benchmark.sh installs one).</summary>
    public static bool IsInstalledIn(string? folder) => folder is not null && File.Exists(Path.Combine(folder, EntryPoint));

    public static Task<ServiceProcess> StartAsync(string folder, CancellationToken cancellationToken) =>
        ServiceProcess.StartProgramAsync(
            "The Portkey gateway",
            "node",
            address => [Path.Combine(folder, EntryPoint), $"--port={address.Port.ToString(CultureInfo.InvariantCulture)}", "--headless"],
            folder,
            new Dictionary<string, string?> { ["NODE_ENV"] = "production" },
            cancellationToken,
            healthPath: "/");

    /// <summary>The headers that route a call to an OpenAI-compatible host at <paramref name="upstreamV1"/>.</summary>
    public static IReadOnlyDictionary<string, string> Headers(string upstreamV1) => new Dictionary<string, string>
    {
        ["x-portkey-provider"] = "openai",
        ["x-portkey-custom-host"] = upstreamV1,
    };
}
