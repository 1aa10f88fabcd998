namespace SlmPlatform.Testing;

/// <summary>Paths in the repository this test was built from.</summary>
public static class RepositoryFiles
{
    public static readonly string Root = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "SlmPlatform.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No SlmPlatform.sln above {AppContext.BaseDirectory}.");
    }
}
