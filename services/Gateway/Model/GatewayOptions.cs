using System.ComponentModel.DataAnnotations;

namespace SlmPlatform.Gateway.Model;

/// <summary>Section <c>Gateway</c>: where calls go, how long they may take, and where captures wait for the bus.</summary>
public sealed class GatewayOptions
{
    public const string SectionName = "Gateway";

    [Required]
    public UpstreamOptions Upstream { get; set; } = new();

    /// <summary>Per-tenant upstreams, keyed by tenant id; a tenant without an entry uses <see cref="Upstream"/>.</summary>
    public Dictionary<string, UpstreamOptions> Tenants { get; set; } = [];

    [Range(1024, int.MaxValue)]
    public int MaxRequestBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// Largest answer the gateway captures (a longer one is relayed, not captured), largest single server-sent event it
    /// relays, and largest teacher answer it reads for a comparison.
    /// </summary>
    [Range(1024, int.MaxValue)]
    public int MaxResponseBytes { get; set; } = 64 * 1024 * 1024;

    public TimeSpan UpstreamTimeout { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>False turns the gateway into a plain relay (to measure what capture costs, or for tenants that opt out).</summary>
    public bool CaptureEnabled { get; set; } = true;

    [Required]
    public CaptureBufferOptions CaptureBuffer { get; set; } = new();

    public UpstreamOptions UpstreamFor(string tenantId) =>
        Tenants.TryGetValue(tenantId, out var upstream) && !string.IsNullOrEmpty(upstream.BaseUrl) ? upstream : Upstream;

    /// <summary>The setting that chose <see cref="UpstreamFor"/>'s answer, to name in an error about it.</summary>
    public string UpstreamSettingFor(string tenantId) => ReferenceEquals(UpstreamFor(tenantId), Upstream)
        ? "Gateway:Upstream:BaseUrl (the AppHost's 'upstream-base-url' parameter)"
        : $"Gateway:Tenants:{tenantId}:BaseUrl";
}

/// <summary>An OpenAI-compatible endpoint: OpenAI, Azure OpenAI's v1 API, vLLM, Ollama's <c>/v1</c>.</summary>
public sealed class UpstreamOptions
{
    /// <summary>The base URL that <c>/chat/completions</c> and <c>/models</c> are appended to.</summary>
    [Required]
    public string BaseUrl { get; set; } = string.Empty;

    /// <summary>The upstream's key; never logged, traced or captured.</summary>
    public string? ApiKey { get; set; }

    /// <summary><c>Authorization</c> (sent as Bearer, the default) or a header such as Azure's <c>api-key</c>.</summary>
    public string ApiKeyHeader { get; set; } = "Authorization";
}

/// <summary>The disk buffer that keeps captures while the bus cannot take them.</summary>
public sealed class CaptureBufferOptions
{
    /// <summary>The buffer's folder; relative paths are under the content root. Mount a volume here in containers.</summary>
    [Required]
    public string Directory { get; set; } = "capture-buffer";

    /// <summary>Secret from which the buffer's AES-GCM key is derived: raw calls never rest on disk in clear text.</summary>
    public string? EncryptionKey { get; set; }

    /// <summary>When the buffer holds this much, new captures are dropped (and counted) rather than slow the agent.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long MaxBytes { get; set; } = 1L << 30;

    [Range(64 * 1024, int.MaxValue)]
    public int SegmentBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>
    /// How often at most the buffer asks the disk to keep what was written (fdatasync), and how soon after the gateway
    /// falls quiet: a crash of the process loses nothing written, a crash of the host at most this much. Null: never.
    /// </summary>
    public TimeSpan? SyncEvery { get; set; } = TimeSpan.FromMilliseconds(200);

    /// <summary>How many captures are published before their confirms are awaited together.</summary>
    [Range(1, 1024)]
    public int PublishWindow { get; set; } = 64;

    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most the quarantine (captures the bus refused for their content) holds; past it they are dropped and counted.</summary>
    [Range(1024 * 1024, long.MaxValue)]
    public long QuarantineMaxBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>How long a quarantined capture is kept, encrypted, for an operator to look into before it expires.</summary>
    public TimeSpan QuarantineRetention { get; set; } = TimeSpan.FromDays(14);
}
