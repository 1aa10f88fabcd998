
namespace SlmPlatform.Routing.UnitTests;

public sealed class RouteSharesTests
{
    private static readonly Guid TaskId = Guid.Parse("5b2e0c7e-93a1-4d5f-8a44-0f6b9d1c2e3a");

    [Fact]
    public void AShareOfZero_NeverSelects_AndOfOne_AlwaysDoes()
    {
        var bodies = Bodies(200).ToList();

        Assert.DoesNotContain(bodies, b => RouteShares.Selects(RouteShares.CanaryPurpose, TaskId, b, 0));
        Assert.All(bodies, b => Assert.True(RouteShares.Selects(RouteShares.CanaryPurpose, TaskId, b, 1)));
    }

    [Fact]
    public void AShare_SelectsAboutThatShare_AndTheSameBodyTheSameWay()
    {
        var bodies = Bodies(4_000).ToList();

        var selected = bodies.Count(b => RouteShares.Selects(RouteShares.CanaryPurpose, TaskId, b, 0.1));

        // Binomial(4000, 0.1): mean 400, standard deviation 19; ±5 sd.
        Assert.InRange(selected, 305, 495);
        Assert.All(bodies.Take(100), b => Assert.Equal(
            RouteShares.Selects(RouteShares.CanaryPurpose, TaskId, b, 0.1), RouteShares.Selects(RouteShares.CanaryPurpose, TaskId, b.ToArray(), 0.1)));
    }

    [Fact]
    public void CanaryAndSampling_DecideIndependently()
    {
        var bodies = Bodies(4_000).ToList();

        var both = bodies.Count(b => RouteShares.Selects(RouteShares.CanaryPurpose, TaskId, b, 0.5) && RouteShares.Selects(RouteShares.SamplePurpose, TaskId, b, 0.5));

        // Independent halves overlap on a quarter: mean 1000, standard deviation 27; ±5 sd.
        Assert.InRange(both, 863, 1137);
    }

    private static IEnumerable<byte[]> Bodies(int count) =>
        Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes($$"""{"messages":[{"role":"user","content":"call {{i}}"}]}"""));
}
