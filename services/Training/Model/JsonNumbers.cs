namespace SlmPlatform.Training.Model;

/// <summary>Figures read out of JSON that training stored or a trainer wrote (metrics, result files), where any may be missing.</summary>
internal static class JsonNumbers
{
    /// <summary>The number under <paramref name="name"/>; null when the element is no object or holds no number there.</summary>
    public static double? Number(this JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetDouble() : null;
}
