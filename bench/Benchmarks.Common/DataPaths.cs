namespace SlmPlatform.Benchmarks;

/// <summary>Finds the repository root and the shared data sets beside it (never copied into the repository).</summary>
public static class DataPaths
{
    public const string SharedDataVariable = "SLM_SHARED_DATA";

    /// <summary>The folder holding SlmPlatform.sln, searched upwards from the working directory, then from the program.</summary>
    public static string? FindRepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SlmPlatform.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    /// <summary><c>--data</c>, else <c>$SLM_SHARED_DATA</c>, else <c>../shared/data</c> relative to the repository root.</summary>
    public static string? FindSharedData(string? repositoryRoot, string? explicitPath)
    {
        var candidate = explicitPath
            ?? Environment.GetEnvironmentVariable(SharedDataVariable)
            ?? (repositoryRoot is null ? null : Path.Combine(repositoryRoot, "..", "shared", "data"));
        return candidate is not null && Directory.Exists(candidate) ? Path.GetFullPath(candidate) : null;
    }
}
