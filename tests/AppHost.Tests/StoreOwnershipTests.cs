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
        var services = Path.Combine(CommittedManifest.RepositoryRoot, "services");
        var namedIn = Directory.EnumerateFiles(services, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(f => File.ReadAllText(f).Contains($"\"{prefix}", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(services, f).Split(Path.DirectorySeparatorChar)[0])
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.Equal([owner], namedIn);
    }
}
