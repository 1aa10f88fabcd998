namespace SlmPlatform.AppHost.Tests;

/// <summary>The whole platform is started once for every end-to-end test class: starting it takes a minute.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<LocalPlatformFixture>
{
    public const string Name = "platform";
}

internal static class EndToEnd
{
    /// <summary>How long a pipeline may take to show a result: generous, since these tests check behaviour, not speed
    /// (the benchmarks measure that), and the platform shares 2 cores with its own background work.</summary>
    public static readonly TimeSpan Eventually = TimeSpan.FromSeconds(30);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    /// <summary>Probes until it returns something, or null after <paramref name="timeout"/>.</summary>
    public static Task<T?> PollAsync<T>(Func<Task<T?>> probe, TimeSpan timeout)
        where T : class =>
        SlmPlatform.Testing.Eventually.FindAsync(probe, timeout, Token);

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");
}
