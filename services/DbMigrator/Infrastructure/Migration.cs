using System.Reflection;

namespace SlmPlatform.DbMigrator.Infrastructure;

/// <summary>One SQL script, applied once per database in the order of its id.</summary>
public sealed record Migration(string Id, string Sql)
{
    /// <summary>Loads the database's scripts (each store's <c>Schema/</c> folder, embedded as <c>Migrations.&lt;database&gt;.*</c>), ordered by name.</summary>
    public static IReadOnlyList<Migration> LoadFor(string database)
    {
        var assembly = Assembly.GetExecutingAssembly();
        var prefix = $"{assembly.GetName().Name}.Migrations.{database}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => new Migration(name[prefix.Length..^".sql".Length], Read(assembly, name)))];
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
