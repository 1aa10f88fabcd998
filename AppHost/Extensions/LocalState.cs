using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace SlmPlatform.AppHost.Extensions;

/// <summary>
/// The folder that keeps local mode's data across restarts (<c>.slm/</c> at the repository root unless
/// <c>Infrastructure:StateDirectory</c> says otherwise): server data, generated passwords and the development key.
/// </summary>
public sealed class LocalState
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private readonly string _secretsFile;
    private readonly Dictionary<string, string> _secrets;
    private readonly IConfiguration _configuration;

    private LocalState(string directory, string scriptsDirectory, IConfiguration configuration)
    {
        Directory = directory;
        ScriptsDirectory = scriptsDirectory;
        _configuration = configuration;
        System.IO.Directory.CreateDirectory(directory);
        _secretsFile = Path.Combine(directory, "secrets.json");
        _secrets = File.Exists(_secretsFile)
            ? JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(_secretsFile)) ?? []
            : [];
    }

    public string Directory { get; }

    /// <summary>The AppHost's own start-up scripts for the servers.</summary>
    public string ScriptsDirectory { get; }

    public static LocalState Open(IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Infrastructure:StateDirectory"];
        var directory = string.IsNullOrWhiteSpace(configured)
            ? Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".slm"))
            : Path.GetFullPath(configured);
        return new LocalState(directory, Path.Combine(builder.AppHostDirectory, "scripts"), builder.Configuration);
    }

    /// <summary>A folder under the state directory, created if missing.</summary>
    public string Folder(params string[] parts)
    {
        var path = Path.Combine([Directory, .. parts]);
        System.IO.Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>The port a local server listens on: <c>Infrastructure:Ports:&lt;name&gt;</c>, or a fixed default.</summary>
    public int Port(string name, int defaultPort) =>
        _configuration.GetValue<int?>($"Infrastructure:Ports:{name}") ?? defaultPort;

    /// <summary>
    /// A password generated on first use and kept (owner-readable only), because the servers' data outlives the
    /// AppHost and was initialised with it.
    /// </summary>
    public string Secret(string name)
    {
        if (!_secrets.TryGetValue(name, out var value))
        {
            value = RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", 32);
            _secrets[name] = value;
            WriteOwnerOnly(_secretsFile, JsonSerializer.Serialize(_secrets));
        }

        return value;
    }

    /// <summary>
    /// The development API key (tenant <c>dev</c>), generated on first run and kept in <c>dev-api-key</c> so that
    /// people and scripts can read it. The migrator registers its hash.
    /// </summary>
    public string DevApiKey()
    {
        var path = DevApiKeyPath;
        if (File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } existing)
        {
            return existing;
        }

        // Same shape as SlmPlatform.ApiKeys.ApiKey.Generate; the AppHost does not reference service code.
        var key = "slm_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        WriteOwnerOnly(path, key + "\n");
        return key;
    }

    public string DevApiKeyPath => Path.Combine(Directory, "dev-api-key");

    /// <summary>Writes a file that only the owner can read (passwords, keys).</summary>
    public static void WriteOwnerOnly(string path, string contents)
    {
        File.WriteAllText(path, string.Empty);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, OwnerOnly);
        }

        File.WriteAllText(path, contents);
    }
}
