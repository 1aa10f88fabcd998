namespace SlmPlatform.Replay;

internal sealed record ReplayOptions(Uri Ingest, string ApiKey, string DataFolder, string Dataset, string Split, int Limit, int BatchSize, bool TagWorkloads, Uri Tasks, bool Report)
{
    public static ReplayOptions? Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var flags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--tag-workloads" or "--report")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                return null;
            }
        }

        var root = RepositoryRoot();
        var key = values.GetValueOrDefault("--key")
            ?? ReadKey(values.GetValueOrDefault("--key-file") ?? Path.Combine(root, ".slm", "dev-api-key"));
        var dataset = values.GetValueOrDefault("--dataset", "all");
        var split = values.GetValueOrDefault("--split", "test");
        if (key is null || dataset is not ("banking77" or "bfcl" or "all") || split is not ("test" or "train"))
        {
            return null;
        }

        return new ReplayOptions(
            new Uri(values.GetValueOrDefault("--ingest", "http://localhost:5101")),
            key,
            values.GetValueOrDefault("--data") ?? DefaultDataFolder(root),
            dataset,
            split,
            int.TryParse(values.GetValueOrDefault("--limit"), out var limit) ? limit : int.MaxValue,
            int.TryParse(values.GetValueOrDefault("--batch"), out var batch) ? batch : 500,
            flags.Contains("--tag-workloads"),
            new Uri(values.GetValueOrDefault("--tasks", "http://localhost:5103")),
            flags.Contains("--report"));
    }

    /// <summary>../shared/data beside the repository where it exists, else what eng/fetch-demo-data.sh fetched.</summary>
    private static string DefaultDataFolder(string root)
    {
        var shared = Path.GetFullPath(Path.Combine(root, "..", "shared", "data"));
        return Directory.Exists(shared) ? shared : Path.Combine(root, ".slm", "demo-data");
    }

    private static string? ReadKey(string path) => File.Exists(path) ? File.ReadAllText(path).Trim() : null;

    /// <summary>The folder that holds SlmPlatform.sln, looking up from the working directory.</summary>
    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SlmPlatform.sln")))
            {
                return folder.FullName;
            }
        }

        return Directory.GetCurrentDirectory();
    }
}
