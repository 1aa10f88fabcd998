namespace SlmPlatform.Ingest.FunctionalTests;

/// <summary>Every service shares its API pipeline (ServiceDefaults' UsePlatformApi): its document and a page to read it.</summary>
public sealed class ApiReferenceTests(IngestFixture fixture) : IClassFixture<IngestFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheOpenApiDocument_AndItsReferencePage_NeedNoKey_AndNameTheApi()
    {
        using var anonymous = fixture.Factory.CreateClient();

        using var document = await anonymous.GetAsync("/openapi/v1.json", Token);
        using var page = await anonymous.GetAsync("/scalar/v1", Token);

        Assert.Equal(HttpStatusCode.OK, document.StatusCode);
        var paths = JsonDocument.Parse(await document.Content.ReadAsStringAsync(Token)).RootElement.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/v1/calls", out _));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        var html = await page.Content.ReadAsStringAsync(Token);
        Assert.Contains("<title>SlmPlatform.Ingest API</title>", html, StringComparison.Ordinal);
        Assert.Contains("\"url\":\"openapi/v1.json\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownPath_IsA404ProblemDetails()
    {
        using var anonymous = fixture.Factory.CreateClient();

        using var response = await anonymous.GetAsync("/v1/no-such-thing", Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
