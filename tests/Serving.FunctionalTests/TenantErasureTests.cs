using Microsoft.Extensions.DependencyInjection;
using SlmPlatform.Serving.Infrastructure;

namespace SlmPlatform.Serving.FunctionalTests;

/// <summary>
/// Erasing a whole tenant takes its specialists out of serving: forgotten by the registry, unloaded from memory, no
/// longer listed or answering; another tenant's still answer.
/// </summary>
public sealed class TenantErasureTests(ServingFixture fixture) : IClassFixture<ServingFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ErasingATenant_ForgetsAndUnloadsItsSpecialists_AndKeepsOtherTenants()
    {
        using var a = fixture.Serving.CreateClient(fixture.KeyA);
        using var b = fixture.Serving.CreateClient(fixture.KeyB);
        using (var before = await AskAsync(a, fixture.RouterA))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        var deleted = await fixture.Serving.Services.GetRequiredService<SpecialistErasure>().EraseTenantAsync(ServingFixture.TenantA, Token);

        Assert.Equal(2, deleted["specialists"]);
        Assert.Equal(1, deleted["loaded"]);
        Assert.Equal(0, deleted["external_deployments"]);
        using (var after = await AskAsync(a, fixture.RouterA))
        {
            Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        }

        Assert.DoesNotContain(fixture.Serving.Services.GetRequiredService<LoadedSpecialists>().Loaded, l => l.Specialist.Descriptor.TenantId == ServingFixture.TenantA);
        Assert.Empty((await a.GetFromJsonAsync<JsonElement>("/api/tags", Token)).GetProperty("models").EnumerateArray());
        using var others = await AskAsync(b, fixture.RouterB);
        Assert.Equal(HttpStatusCode.OK, others.StatusCode);

        // Erasing again (a redelivered part) deletes nothing more.
        var again = await fixture.Serving.Services.GetRequiredService<SpecialistErasure>().EraseTenantAsync(ServingFixture.TenantA, Token);
        Assert.All(again.Values, count => Assert.Equal(0, count));
    }

    private static Task<HttpResponseMessage> AskAsync(HttpClient client, Model.SpecialistDescriptor model) =>
        client.PostAsJsonAsync("/v1/chat/completions", new { model = model.Name, messages = new[] { new { role = "user", content = "When will my card get here?" } } }, Token);
}
