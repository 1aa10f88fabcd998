using SlmPlatform.DbMigrator.Infrastructure;

namespace SlmPlatform.AppHost.Tests;

/// <summary>Each database's schema lives beside the code that queries it, and the migrator runs every script of it, in order.</summary>
public sealed class SchemaTests
{
    [Theory]
    [InlineData("platformdb", "libraries/ApiKeys/Schema")]
    [InlineData("callsdb", "services/Scrubber/Schema")]
    [InlineData("tasksdb", "services/TaskDiscovery/Schema")]
    [InlineData("trainingdb", "services/Training/Schema")]
    public void TheMigrator_RunsEveryScriptBesideTheStore_InOrder(string database, string folder)
    {
        var scripts = Directory.EnumerateFiles(Path.Combine(CommittedManifest.RepositoryRoot, folder), "*.sql")
            .Select(Path.GetFileNameWithoutExtension)
            .Order(StringComparer.Ordinal)
            .ToList();

        var migrations = Migration.LoadFor(database);

        Assert.NotEmpty(scripts);
        Assert.Equal(scripts, migrations.Select(m => m.Id));
        Assert.All(migrations, m => Assert.False(string.IsNullOrWhiteSpace(m.Sql)));
    }
}
