namespace SlmPlatform.Console.Infrastructure;

/// <summary>The settings page's form for a new key, and the request it makes.</summary>
public sealed class KeyForm
{
    public string? Name { get; set; }

    public bool Capture { get; set; } = true;

    public bool Read { get; set; }

    public bool Admin { get; set; }

    public int? ExpiresInDays { get; set; }

    /// <summary>The request as the gateway takes it; what is wrong with it the gateway says, naming the field.</summary>
    public KeyRequest ToRequest(DateTimeOffset now) => new(
        Name,
        [.. new[] { (Capture, "capture"), (Read, "read"), (Admin, "admin") }.Where(s => s.Item1).Select(s => s.Item2)],
        ExpiresInDays is { } days ? now.AddDays(days) : null);

    public void Clear()
    {
        Name = null;
        ExpiresInDays = null;
    }
}
