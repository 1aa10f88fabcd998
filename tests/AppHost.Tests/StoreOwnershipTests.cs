using System.Text.Json.Nodes;

namespace SlmPlatform.AppHost.Tests;

/// <summary>Each store has one writer (docs/architecture.md): checked on the deployable shape and on the code.</summary>
public sealed class StoreOwnershipTests
{
    [Fact]
    public void EachServiceDatabase_IsGivenToItsOwnerAlone()
    {
        var manifest = CommittedManifest.Resources();
        var holders = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (name, resource) in manifest)
        {
            if (name == "db-migrator" || resource?["env"] is not JsonObject env)
            {
                continue;
            }

            foreach (var (variable, _) in env)
            {
                if (variable.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
                {
                    var store = variable["ConnectionStrings__".Length..];
                    (holders.TryGetValue(store, out var list) ? list : holders[store] = []).Add(name);
                }
            }
        }

        Assert.Equal(["calls"], holders["callsdb"]);
        Assert.Equal(["tasks"], holders["tasksdb"]);
        Assert.Equal(["training"], holders["trainingdb"]);
    }

    [Theory]
    [InlineData("slm:routes", "Gateway")]
    [InlineData("slm:tally", "Gateway")]
    public void ARedisKeyPrefix_IsNamedInItsOwnersCodeAlone(string prefix, string owner)
    {
        // Libraries count as places of their own: a prefix named in one could be written by every service that uses it.
        var namedIn = new[] { "services", "libraries", "clients" }
            .Select(folder => Path.Combine(CommittedManifest.RepositoryRoot, folder))
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Select(file => (Folder: folder, File: file)))
            .Where(f => !f.File.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f.File).Contains($"\"{prefix}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(f.Folder, f.File).Split(Path.DirectorySeparatorChar)[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Equal([owner], namedIn);
    }
}
