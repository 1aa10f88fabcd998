using System.Text.Json;
using Microsoft.FluentUI.AspNetCore.Components;
using SlmPlatform.Console.Components.Pages;
using SlmPlatform.Contracts.Http;

namespace SlmPlatform.Console.UnitTests;

public sealed class SettingsPageTests : ConsoleTestContext
{
    private static readonly IssuedKeyInfo Agent = new(Guid.NewGuid(), "support-agent", "slm_ab12", ["capture"], DateTimeOffset.UtcNow.AddDays(-3), null, null);

    [Fact]
    public void TheKeys_AreListedWithTheirScopesAndState_NeverTheirSecrets()
    {
        var revoked = Agent with { KeyId = Guid.NewGuid(), Name = "old-agent", RevokedAt = DateTimeOffset.UtcNow.AddDays(-1) };
        Api.Answer("/api/keys", new List<IssuedKeyInfo> { Agent, revoked });

        var page = Render<Settings>();

        page.WaitForAssertion(() => Assert.Contains("support-agent", page.Find("table").TextContent, StringComparison.Ordinal));
        var rows = page.FindAll("tr").Select(r => r.TextContent).ToList();
        Assert.Contains(rows, r => r.Contains("support-agent", StringComparison.Ordinal) && r.Contains("active", StringComparison.Ordinal) && r.Contains("Revoke", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("old-agent", StringComparison.Ordinal) && r.Contains("revoked", StringComparison.Ordinal) && !r.Contains("Revoke", StringComparison.Ordinal));
    }

    [Fact]
    public async Task IssuingAKey_SendsItsNameAndScopes_AndShowsTheKeyOnce()
    {
        Api.Answer("/api/keys", new List<IssuedKeyInfo>());
        var made = new IssuedKey("slm_new-secret-key", Agent with { Name = "reader" });
        Api.AnswerTo(HttpMethod.Post, "/api/keys", HttpStatusCode.Created, made);
        var page = Render<Settings>();
        page.WaitForAssertion(() => page.Find("#key_name"));

        page.Find("#key_name").Change("reader");
        await page.Find("#scope_read").TriggerEventAsync("oncheckedchange", new CheckboxChangeEventArgs { Checked = true });
        page.Find("form.key-form").Submit();

        page.WaitForAssertion(() => Assert.Equal("slm_new-secret-key", page.Find("[data-testid=issued-key]").TextContent));
        var sent = Assert.Single(Api.Requests, r => r.Method == HttpMethod.Post);
        using var body = JsonDocument.Parse(sent.Body!);
        Assert.Equal("reader", body.RootElement.GetProperty("name").GetString());
        Assert.Equal(["capture", "read"], body.RootElement.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Revoking_DeletesTheKey_AndReadsTheKeysAgain()
    {
        Api.Answer("/api/keys", new List<IssuedKeyInfo> { Agent });
        Api.AnswerTo(HttpMethod.Delete, $"/api/keys/{Agent.KeyId}", HttpStatusCode.NoContent);
        var page = Render<Settings>();
        page.WaitForAssertion(() => page.Find($"[aria-label='Revoke {Agent.Name}']"));

        page.Find($"[aria-label='Revoke {Agent.Name}']").Click();

        page.WaitForAssertion(() => Assert.Contains(Api.Requests, r => r.Method == HttpMethod.Delete && r.PathAndQuery == $"/api/keys/{Agent.KeyId}"));
        page.WaitForAssertion(() => Assert.Equal(2, Api.Requests.Count(r => r.Method == HttpMethod.Get && r.PathAndQuery == "/api/keys")));
    }

    [Fact]
    public void AKeyWithoutAdmin_IsToldWhichScopeItLacks()
    {
        Api.AnswerTo(HttpMethod.Get, "/api/keys", HttpStatusCode.Forbidden,
            new { title = "Forbidden", status = 403, detail = "This needs a key with the 'admin' scope." });

        var page = Render<Settings>();

        page.WaitForAssertion(() => Assert.Contains("This needs a key with the 'admin' scope.", page.Markup, StringComparison.Ordinal));
    }
}
