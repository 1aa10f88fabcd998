using System.Text.Json.Nodes;

namespace SlmPlatform.AppHost.Tests;

/// <summary>
/// Services call each other in one direction only: the references in the AppHost's published model (each
/// <c>services__{name}__…</c> variable is one service's reference to another) form no cycle. Everything that flows back
/// goes through the broker (docs/architecture.md).
/// </summary>
public sealed class ServiceReferenceTests
{
    [Fact]
    public void TheServicesReferences_FormNoCycle()
    {
        var references = References();

        Assert.NotEmpty(references.SelectMany(r => r.Value));
        Assert.Null(FindCycle(references));
    }

    [Fact]
    public void ACycle_IsFound_WhereOneExists()
    {
        var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal)
        {
            ["gateway"] = ["serving"],
            ["training"] = ["serving", "tasks"],
            ["tasks"] = ["training"],
            ["serving"] = [],
        };

        Assert.Equal(["tasks", "training", "tasks"], FindCycle(references));
    }

    [Fact]
    public void NeitherServingNorTasks_CallsAnotherService()
    {
        var references = References();

        Assert.Empty(references["serving"]);
        Assert.Empty(references["tasks"]);
    }

    private static Dictionary<string, HashSet<string>> References()
    {
        var manifest = CommittedManifest.Resources();
        var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (name, resource) in manifest)
        {
            if (resource?["type"]?.GetValue<string>() is not { } type || !type.StartsWith("project", StringComparison.Ordinal))
            {
                continue;
            }

            references[name] = [.. (resource["env"] as JsonObject ?? [])
                .Select(v => v.Key.Split("__"))
                .Where(parts => parts.Length >= 3 && parts[0] == "services")
                .Select(parts => parts[1])];
        }

        return references;
    }

    /// <summary>One cycle (its first service repeated at the end), or null when the references form none.</summary>
    private static List<string>? FindCycle(IReadOnlyDictionary<string, HashSet<string>> references)
    {
        var done = new HashSet<string>(StringComparer.Ordinal);
        var path = new List<string>();

        List<string>? Visit(string service)
        {
            if (path.IndexOf(service) is >= 0 and var start)
            {
                return [.. path[start..], service];
            }

            if (!done.Add(service))
            {
                return null;
            }

            path.Add(service);
            foreach (var next in references.GetValueOrDefault(service) ?? [])
            {
                if (Visit(next) is { } cycle)
                {
                    return cycle;
                }
            }

            path.RemoveAt(path.Count - 1);
            return null;
        }

        return references.Keys.Order(StringComparer.Ordinal).Select(Visit).FirstOrDefault(c => c is not null);
    }
}
