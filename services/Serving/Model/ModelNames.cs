namespace SlmPlatform.Serving.Model;

/// <summary>A specialist's name on both APIs is its registry id; Ollama clients may add a tag (<c>:latest</c>).</summary>
public static class ModelNames
{
    public static bool TryParse(string? name, out Guid modelId)
    {
        modelId = Guid.Empty;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var colon = name.IndexOf(':', StringComparison.Ordinal);
        return Guid.TryParse(colon < 0 ? name : name[..colon], out modelId);
    }

    public static string Tagged(Guid modelId) => $"{modelId}:latest";
}
