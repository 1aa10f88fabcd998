namespace SupportAgent;

/// <summary>The platform key the sample sends: <c>SLM_API_KEY</c>, or the development key that <c>./run.sh</c> writes.</summary>
internal static class PlatformKey
{
    public static string? Find()
    {
        if (Environment.GetEnvironmentVariable("SLM_API_KEY") is { Length: > 0 } key)
        {
            return key;
        }

        // Looked for from the working directory up, so the sample runs from the repository root or its own folder.
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var path = Path.Combine(folder.FullName, ".slm", "dev-api-key");
            if (File.Exists(path))
            {
                return File.ReadAllText(path).Trim();
            }
        }

        return null;
    }
}
